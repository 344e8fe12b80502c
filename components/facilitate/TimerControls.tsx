'use client';
/** The facilitator's timer controls (issue 11): presets, a custom length, pause, resume, add a minute, stop. */
import { useId, useState } from 'react';
import type { FacilitationView } from '../../lib/protocol/facilitationEvents';
import { Button } from '../ui/Button';
import type { CallEvent } from '../workshop/useWorkshop';

const PRESETS = [1, 3, 5, 10, 15];

/** Props of `TimerControls`. */
export interface TimerControlsProps {
  view: FacilitationView | null;
  act(run: (call: CallEvent) => Promise<{ ok: boolean; message?: string }>, done: string): void;
}

/** Start, pause, resume, add time and stop the shared timer. */
export function TimerControls({ view, act }: TimerControlsProps) {
  const id = useId();
  const [minutes, setMinutes] = useState('');
  const timer = view?.timer ?? null;
  const start = (m: number) =>
    act(
      (c) => c('timer:start', { durationMs: Math.round(m * 60_000) }),
      `Timer started for ${m} minutes.`,
    );
  return (
    <section aria-labelledby={`${id}-h`} className="space-y-2">
      <h3 id={`${id}-h`} className="font-bold text-lg">
        Timer
      </h3>
      <div className="flex flex-wrap gap-2">
        {PRESETS.map((m) => (
          <Button key={m} small variant="secondary" onClick={() => start(m)}>
            {`${m} min`}
          </Button>
        ))}
      </div>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const m = Number(minutes);
          if (m > 0 && m <= 240) start(m);
        }}
      >
        <label htmlFor={`${id}-m`} className="font-semibold">
          Minutes
          <input
            id={`${id}-m`}
            inputMode="decimal"
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            className="ml-2 min-h-11 w-20 rounded border-2 border-ink bg-white px-2 text-ink"
          />
        </label>
        <Button small type="submit">
          Start timer
        </Button>
      </form>
      {timer && (
        <div className="flex flex-wrap gap-2">
          {timer.deadline === null ? (
            <Button
              small
              variant="secondary"
              onClick={() => act((c) => c('timer:resume', {}), 'Timer resumed.')}
            >
              Resume
            </Button>
          ) : (
            <Button
              small
              variant="secondary"
              onClick={() => act((c) => c('timer:pause', {}), 'Timer paused.')}
            >
              Pause
            </Button>
          )}
          <Button
            small
            variant="secondary"
            onClick={() => act((c) => c('timer:add', { addMs: 60_000 }), 'One minute added.')}
          >
            Add a minute
          </Button>
          <Button
            small
            variant="danger"
            onClick={() => act((c) => c('timer:stop', {}), 'Timer stopped.')}
          >
            Stop timer
          </Button>
        </div>
      )}
    </section>
  );
}
