'use client';
/**
 * How much each group wrote and how many cards are each colour, as a bar and in words. It
 * keeps the figures itself, so a recount re-renders this strip and not the whole board.
 */
import { memo } from 'react';
import type * as Y from 'yjs';
import type { GroupOf } from '../../lib/attribution/countChars';
import type { CardAgreement } from '../../lib/protocol/events';
import { balanceSentences } from './balance';
import { useBalance } from './useBalance';

/** Props of `BalanceStrip`: what `useBalance` counts from. */
export interface BalanceStripProps {
  doc: Y.Doc;
  groupOf: GroupOf;
  agreements: ReadonlyMap<string, CardAgreement>;
  rosterVersion: number;
}

/** The balance strip; shows nothing until the figures are ready. */
export const BalanceStrip = memo(function BalanceStrip({
  doc,
  groupOf,
  agreements,
  rosterVersion,
}: BalanceStripProps) {
  const balance = useBalance(doc, groupOf, agreements, rosterVersion);
  if (!balance) return null;
  const [writing, count] = balanceSentences(balance);
  const total = balance.chars.people + balance.chars.system;
  const people = total === 0 ? 0 : (balance.chars.people / total) * 100;
  return (
    <section aria-labelledby="balance-heading" className="space-y-2">
      <h2 id="balance-heading" className="font-bold text-xl">
        Balance
      </h2>
      {total > 0 && (
        <div
          aria-hidden="true"
          // The sentences below say the same; on a phone the bar's height goes to the board.
          className="hidden h-6 overflow-hidden rounded-md border-2 border-ink sm:flex"
          data-testid="balance-bar"
        >
          {people > 0 && (
            <div
              className="border-people-edge border-r-4 border-dashed bg-people-fill"
              style={{ width: `${people}%` }}
            />
          )}
          <div className="flex-1 bg-system-fill" />
        </div>
      )}
      <p>{writing}</p>
      <p>{count}</p>
    </section>
  );
});
