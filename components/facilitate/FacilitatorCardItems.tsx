'use client';
/** A facilitator's items in a card's actions menu (issue 11): "Bring everyone to this card", "Lock" / "Unlock". */
import { MenuItem } from '../ui/MenuItem';
import type { CallEvent } from '../workshop/useWorkshop';

/** The two facilitator items for card `id`. */
export function FacilitatorCardItems({
  call,
  id,
  locked,
}: {
  call: CallEvent;
  id: string;
  locked: boolean;
}) {
  return (
    <>
      <MenuItem
        onSelect={() => {
          void call('focus:set', { kind: 'card', id });
          return undefined;
        }}
      >
        Bring everyone to this card
      </MenuItem>
      <MenuItem
        onSelect={() => {
          void call('lock:set', { kind: 'card', id, locked: !locked });
          return undefined;
        }}
      >
        {locked ? 'Unlock this card' : 'Lock this card'}
      </MenuItem>
    </>
  );
}
