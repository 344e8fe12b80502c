'use client';
/** The facilitator's private-writing controls (issue 11): "Start private writing" and "Reveal all". */
import { useId } from 'react';
import type { PrivateWritingState } from '../../lib/facilitation/state';
import type { WaitingCounts } from '../../lib/protocol/privateWritingEvents';
import { Button } from '../ui/Button';
import type { TimerControlsProps } from './TimerControls';
import { waitingWords } from './waitingWords';

/** Props of `PrivateWritingControls`. */
export interface PrivateWritingControlsProps {
  state: PrivateWritingState | null | undefined;
  waiting: WaitingCounts | null;
  act: TimerControlsProps['act'];
}

/** Start private writing, then show everyone's cards at once. */
export function PrivateWritingControls({ state, waiting, act }: PrivateWritingControlsProps) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-h`} className="space-y-2">
      <h3 id={`${id}-h`} className="font-bold text-lg">
        Private writing
      </h3>
      <p className="text-sm">
        Everyone’s new cards stay private until you show them all at once. This helps people who are
        wary of speaking up get their ideas down first.
      </p>
      {state ? (
        <>
          <p>{waitingWords(waiting)}</p>
          {/* Pressing again while a reveal runs joins it, or resumes one that stopped. */}
          <Button
            onClick={() =>
              act(async (c) => {
                const r = await c('private:reveal', {});
                if (!r.ok || r.notShown === 0) return r;
                const who = r.notShown === 1 ? '1 person’s cards' : `${r.notShown} people’s cards`;
                return {
                  ok: false,
                  message: `${who} could not be shown, maybe because the board is full. Private writing is still on.`,
                };
              }, 'Everyone’s private cards are now on the board.')
            }
          >
            Reveal all
          </Button>
        </>
      ) : (
        <Button
          variant="secondary"
          onClick={() =>
            act(
              (c) => c('private:start', {}),
              'Private writing started. New cards stay private until you reveal them.',
            )
          }
        >
          Start private writing
        </Button>
      )}
    </section>
  );
}
