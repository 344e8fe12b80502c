'use client';
/** The facilitator's "Mark as not possible" / "Reopen this priority" item in a priority card's menu (issue 9). */
import { MenuItem } from '../ui/MenuItem';

/** One menu item: opens the reason form, or reopens a closed priority. */
export function PriorityCloseItem({
  closed,
  open,
  reopen,
}: {
  closed: boolean;
  open(): void;
  reopen(): unknown;
}) {
  return closed ? (
    <MenuItem
      onSelect={() => {
        void reopen();
        return undefined;
      }}
    >
      Reopen this priority
    </MenuItem>
  ) : (
    <MenuItem
      onSelect={() => {
        open();
        return 'keep-focus';
      }}
    >
      Mark as not possible
    </MenuItem>
  );
}
