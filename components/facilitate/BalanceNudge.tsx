'use client';
/**
 * Each group's share of what was written and of hands raised, live from the server's
 * attribution log, with a gentle note when one group wrote most (issue 11).
 */
import { useId } from 'react';
import type { BalanceView } from '../../lib/facilitation/balance';
import { GROUP_LABEL } from '../../lib/roles';
import { Button } from '../ui/Button';
import type { TimerControlsProps } from './TimerControls';

/** The balance figures and note, with "Start counting". */
export function BalanceNudge({
  balance,
  act,
}: {
  balance: BalanceView | null;
  act: TimerControlsProps['act'];
}) {
  const id = useId();
  const since = balance?.since
    ? `since ${balance.since.slice(11, 16)} UTC`
    : 'since the workshop began';
  return (
    <section aria-labelledby={`${id}-h`} className="space-y-2" data-testid="balance-nudge">
      <h3 id={`${id}-h`} className="font-bold text-lg">
        Who is being heard ({since})
      </h3>
      {balance && (
        <ul className="space-y-1">
          {balance.groups.map((g) => (
            <li key={g.group}>
              {`${GROUP_LABEL[g.group]}: ${g.charShare} % of the text (${g.chars} characters), ${g.handShare} % of hands raised`}
            </li>
          ))}
        </ul>
      )}
      {balance?.note && (
        <p className="rounded border-2 border-joint-edge p-2 font-semibold">{balance.note}</p>
      )}
      <Button
        small
        variant="secondary"
        onClick={() => act((c) => c('balance:start', {}), 'Counting from now.')}
      >
        Start counting from now
      </Button>
    </section>
  );
}
