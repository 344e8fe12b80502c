'use client';
/**
 * The facilitator's agenda (issue 11): start it, move the room Back and Next, end it, and
 * (in a disclosure) edit the steps. Every move carries the step this facilitator was
 * looking at, so two facilitators pressing Next together move the room once (I53).
 * While private writing is on, any move shows everyone's private cards first (I83): the
 * panel says so beside the buttons, so nobody is surprised by it.
 */
import { useId } from 'react';
import { type Agenda, currentStep, nextStep, previousStep } from '../../lib/facilitation/agenda';
import { Button } from '../ui/Button';
import { AgendaEditor } from './AgendaEditor';
import type { TimerControlsProps } from './TimerControls';

/** Props of `AgendaControls`. */
export interface AgendaControlsProps {
  agenda: Agenda | null;
  /** Private writing is on: a move reveals every private card first. */
  privateOn: boolean;
  act: TimerControlsProps['act'];
}

/** Move the room through the agenda, and edit it. */
export function AgendaControls({ agenda, privateOn, act }: AgendaControlsProps) {
  const id = useId();
  if (!agenda) return null;
  const now = currentStep(agenda);
  const next = nextStep(agenda);
  const back = previousStep(agenda);
  const shown = privateOn ? 'Everyone’s private cards are now on the board. ' : '';
  const go = (to: string | null, done: string) =>
    act((c) => c('agenda:go', { from: agenda.current, to }), `${shown}${done}`);
  const first = agenda.steps[0];
  return (
    <section aria-labelledby={`${id}-h`} className="space-y-2" data-testid="agenda-controls">
      <h3 id={`${id}-h`} className="font-bold text-lg">
        Agenda
      </h3>
      <p>
        {now
          ? `Now: step ${agenda.steps.indexOf(now) + 1} of ${agenda.steps.length}, ${now.title}.`
          : 'The agenda has not started: the whole board is open.'}
      </p>
      {now && privateOn && (
        <p className="font-semibold" data-testid="agenda-reveals">
          Moving to another step shows everyone’s private cards first.
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {!now && first && (
          <Button onClick={() => go(first.id, `Started the agenda: ${first.title}.`)}>
            Start the agenda
          </Button>
        )}
        {now && back && (
          <Button variant="secondary" onClick={() => go(back.id, `Back to ${back.title}.`)}>
            Back to {back.title}
          </Button>
        )}
        {now && next && (
          <Button onClick={() => go(next.id, `Moved on to ${next.title}.`)}>
            Next: {next.title}
          </Button>
        )}
        {now && (
          <Button
            variant="secondary"
            onClick={() => go(null, 'The agenda has ended. The whole board is open.')}
          >
            End the agenda
          </Button>
        )}
      </div>
      <details className="rounded-md border-2 border-neutral-400 p-2">
        <summary className="min-h-11 cursor-pointer content-center font-semibold">
          Change the agenda
        </summary>
        <AgendaEditor agenda={agenda} act={act} />
      </details>
    </section>
  );
}
