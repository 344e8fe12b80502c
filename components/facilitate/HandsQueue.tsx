'use client';
/** The hands queue for facilitators (issue 11): in the order raised, with group and reason; lower each. */
import { useId } from 'react';
import { HAND_LABEL } from '../../lib/facilitation/state';
import type { HandView } from '../../lib/protocol/facilitationEvents';
import { GROUP_LABEL } from '../../lib/roles';
import { Button } from '../ui/Button';
import type { TimerControlsProps } from './TimerControls';

/** Raised hands, oldest first. */
export function HandsQueue({
  hands,
  act,
}: {
  hands: HandView[] | null;
  act: TimerControlsProps['act'];
}) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-h`} className="space-y-2">
      <h3 id={`${id}-h`} className="font-bold text-lg">
        Hands raised {hands ? `(${hands.length})` : ''}
      </h3>
      {!hands || hands.length === 0 ? (
        <p>No hands are raised.</p>
      ) : (
        <ol className="list-decimal space-y-1 pl-6" data-testid="hands-queue">
          {hands.map((h) => (
            <li key={h.key}>
              <span className="font-semibold">{h.label}</span>
              {` (${h.group ? GROUP_LABEL[h.group] : 'Observer'})`}
              {h.kind ? `: ${HAND_LABEL[h.kind]}` : ''}
              {h.private ? ' — asked privately' : ''}{' '}
              <Button
                small
                variant="secondary"
                aria-label={`Lower the hand of ${h.label}`}
                onClick={() =>
                  act((c) => c('hand:lower', { key: h.key }), `${h.label}'s hand lowered.`)
                }
              >
                Lower
              </Button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
