'use client';
/**
 * For the facilitator: who has joined, by group, what each person said would help them take
 * part, which link they joined with, and "Remove" / "Erase details", each asked first and
 * announced. People who hid their name appear as "Participant 2 (lived experience)".
 */
import { useState } from 'react';
import type { Ack, InviteView, PersonView } from '../../lib/protocol/events';
import { Button } from '../ui/Button';
import { GroupBadge } from '../ui/GroupBadge';
import { ConfirmAction } from './ConfirmAction';
import { inviteLabels } from './inviteLabels';

/** Props of `PeopleList`. */
export interface PeopleListProps {
  people: readonly PersonView[] | null;
  /** The invite links, to say which one each person joined with. */
  invites?: readonly InviteView[] | null;
  removePerson?(key: string): Promise<Ack>;
  erasePerson?(key: string): Promise<Ack>;
  /** Make someone a co-facilitator (`on`) or take it back (issue 11). */
  setCoFacilitator?(key: string, on: boolean): Promise<Ack>;
}

/** The "People and what helps them" list. */
export function PeopleList({
  people,
  invites,
  removePerson,
  erasePerson,
  setCoFacilitator,
}: PeopleListProps) {
  const [message, setMessage] = useState('');
  const labels = inviteLabels(invites ?? []);
  return (
    <section aria-labelledby="people-heading">
      <h3 id="people-heading" className="font-bold text-lg">
        People and what helps them
      </h3>
      <p>Only you can see what people say would help them take part.</p>
      {people === null ? (
        <p>Loading…</p>
      ) : (
        <ul className="space-y-3" data-testid="people-list">
          {people.map((p) => (
            <li key={p.key} className="space-y-1" data-person={p.key}>
              <p className="flex flex-wrap items-center gap-2">
                {p.group ? <GroupBadge group={p.group} /> : <span>Observer</span>}
                <span className="font-semibold">
                  {p.label}
                  {p.capability === 'facilitator' ? ' (facilitator)' : ''}
                </span>
              </p>
              {setCoFacilitator && p.inviteId && p.group && (
                <Button
                  small
                  variant="secondary"
                  aria-label={`${p.capability === 'facilitator' ? 'Stop' : 'Make'} ${p.label} ${p.capability === 'facilitator' ? 'co-facilitating' : 'a co-facilitator'}`}
                  onClick={async () => {
                    const on = p.capability !== 'facilitator';
                    const r = await setCoFacilitator(p.key, on);
                    setMessage(
                      r.ok
                        ? `${p.label} ${on ? 'is now a co-facilitator' : 'is no longer a co-facilitator'}.`
                        : r.message,
                    );
                  }}
                >
                  {p.capability === 'facilitator' ? 'Stop co-facilitating' : 'Make co-facilitator'}
                </Button>
              )}
              {p.inviteId && labels.has(p.inviteId) && (
                <p className="text-sm">Joined with: {labels.get(p.inviteId)}</p>
              )}
              {p.erased && <p className="text-sm">Their details have been erased.</p>}
              {p.accessNeeds && (
                <p className="border-neutral-500 border-l-4 pl-2">
                  <span className="font-semibold">What helps: </span>
                  {p.accessNeeds}
                </p>
              )}
              {p.capability !== 'facilitator' && removePerson && erasePerson && (
                <div className="flex flex-wrap gap-2">
                  <ConfirmAction
                    label="Remove"
                    accessibleLabel={`Remove ${p.label}`}
                    question={`Remove ${p.label}? They are disconnected at once and their links stop working. What they wrote stays on the board, in their group's colour.`}
                    confirmLabel="Yes, remove them"
                    run={() => removePerson(p.key)}
                    doneMessage={`${p.label} has been removed.`}
                    onDone={setMessage}
                  />
                  {!p.erased && (
                    <ConfirmAction
                      label="Erase details"
                      accessibleLabel={`Erase the details of ${p.label}`}
                      question={`Erase the name and what helps ${p.label}, and turn off their personal link? Everyone will see them only as a participant of their group. This cannot be undone.`}
                      confirmLabel="Yes, erase their details"
                      run={() => erasePerson(p.key)}
                      doneMessage="Their details have been erased."
                      onDone={setMessage}
                    />
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <p
        role="status"
        aria-live="polite"
        className="mt-2 font-semibold"
        data-testid="people-status"
      >
        {message}
      </p>
    </section>
  );
}
