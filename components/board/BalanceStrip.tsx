'use client';
/** How much each group wrote and how many cards are each colour, as a bar and in words. */
import { memo } from 'react';
import type { Balance } from './balance';
import { balanceSentences } from './balance';

/** The balance strip; shows nothing until the figures are ready. */
export const BalanceStrip = memo(function BalanceStrip({ balance }: { balance: Balance | null }) {
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
          className="flex h-6 overflow-hidden rounded-md border-2 border-ink"
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
