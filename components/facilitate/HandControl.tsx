'use client';
/**
 * Raise or lower your hand (issue 11), with an optional reason, and a choice to ask for a
 * break privately, so only the facilitators see it.
 */
import { useId, useState } from 'react';
import { HAND_KINDS, HAND_LABEL, type HandKind } from '../../lib/facilitation/state';
import type { FacilitationView } from '../../lib/protocol/facilitationEvents';
import { ErrorLine } from '../board/ErrorLine';
import { Button } from '../ui/Button';
import type { CallEvent } from '../workshop/useWorkshop';

/** Props of `HandControl`. */
export interface HandControlProps {
  view: FacilitationView | null;
  call: CallEvent;
  announce(message: string): void;
}

/** Your hand: the reason, "only facilitators see this", and raise or lower. */
export function HandControl({ view, call, announce }: HandControlProps) {
  const id = useId();
  const [kind, setKind] = useState<HandKind | ''>('');
  const [quiet, setQuiet] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mine = view?.myHand ?? null;
  async function send(raise: boolean) {
    const r = raise
      ? await call('hand:raise', { kind: kind || null, private: quiet })
      : await call('hand:lower', {});
    setError(r.ok ? null : r.message);
    if (r.ok)
      announce(
        raise ? 'Your hand is raised. The facilitator can see it.' : 'Your hand is lowered.',
      );
  }
  const button = (
    <Button small onClick={() => send(!mine)}>
      {mine ? 'Lower my hand' : 'Raise my hand'}
    </Button>
  );
  // Folded while no hand is up, so the board stays short on a phone.
  return (
    <section aria-label="Your hand" className="rounded-lg border-2 border-neutral-400 p-2">
      {mine ? (
        <div className="flex flex-wrap items-center gap-2">
          <p data-testid="my-hand">
            Your hand is raised{mine.kind ? `: ${HAND_LABEL[mine.kind]}` : ''}
            {mine.private ? ' (only the facilitators can see it)' : ''}.
          </p>
          {button}
        </div>
      ) : (
        <details>
          <summary className="flex min-h-11 cursor-pointer items-center font-semibold text-lg">
            Raise your hand
          </summary>
          <div className="space-y-2 pt-1">
            <label htmlFor={`${id}-k`} className="block font-semibold">
              Why (optional)
            </label>
            <select
              id={`${id}-k`}
              value={kind}
              onChange={(e) => setKind(e.target.value as HandKind | '')}
              className="min-h-11 w-full rounded border-2 border-ink bg-white px-2 text-ink"
            >
              <option value="">No reason given</option>
              {HAND_KINDS.map((k) => (
                <option key={k} value={k}>
                  {HAND_LABEL[k]}
                </option>
              ))}
            </select>
            <label className="flex min-h-11 items-center gap-2">
              <input
                type="checkbox"
                checked={quiet}
                onChange={(e) => setQuiet(e.target.checked)}
                className="size-6 accent-joint-edge"
              />
              Only the facilitators see it
            </label>
            {button}
          </div>
        </details>
      )}
      {error && <ErrorLine message={error} />}
    </section>
  );
}
