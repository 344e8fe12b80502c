'use client';
/** One step of the agenda as the facilitator edits it (issue 11): its rules and its buttons. */
import { useState } from 'react';
import { SECTION_INFO } from '../../lib/board/sections';
import type { AgendaStep } from '../../lib/facilitation/agenda';
import type { Ack } from '../../lib/protocol/events';
import { Button } from '../ui/Button';
import { AgendaStepForm } from './AgendaStepForm';
import { ConfirmAction } from './ConfirmAction';
import type { TimerControlsProps } from './TimerControls';

/** Props of `AgendaStepItem`. */
export interface AgendaStepItemProps {
  step: AgendaStep;
  index: number;
  count: number;
  /** The id of the step the room is in, or null. */
  current: string | null;
  act: TimerControlsProps['act'];
}

/** The agenda editor's "New step" field, where focus goes after a step is removed. */
export const NEW_STEP_ID = 'agenda-new-step';

const names = (list: readonly string[]) =>
  list.length === 0
    ? 'nothing'
    : list.map((s) => SECTION_INFO[s as keyof typeof SECTION_INFO].title).join(', ');

/** Put focus back on a moved step's button once the list has re-rendered (or its twin). */
function refocus(ids: string[]): void {
  requestAnimationFrame(() => {
    for (const id of ids) {
      const el = document.getElementById(id) as HTMLButtonElement | null;
      if (el && !el.disabled) return el.focus();
    }
  });
}

/** A step with "Go to this step", "Move up", "Move down", "Change" and "Remove". */
export function AgendaStepItem({ step, index, count, current, act }: AgendaStepItemProps) {
  const [editing, setEditing] = useState(false);
  const isNow = step.id === current;
  const up = `agenda-${step.id}-up`;
  const down = `agenda-${step.id}-down`;
  const move = (by: -1 | 1, done: string) =>
    act(
      (c) =>
        c('agenda:edit', { op: 'move', id: step.id, by }).then((r) => {
          if (r.ok) refocus(by < 0 ? [up, down] : [down, up]);
          return r;
        }),
      done,
    );
  return (
    <li className="space-y-1 rounded-md border-2 border-neutral-400 p-2" data-step={step.id}>
      <p className="font-bold">
        {index + 1}. {step.title}
        {isNow && ' (now)'}
      </p>
      {step.asks && <p className="text-sm">{step.asks}</p>}
      <p className="text-sm">
        Adding: {names(step.adding)}. Editing: {names(step.editing)}. Voting{' '}
        {step.voting ? 'open' : 'closed'}.{step.writePrivately && ' Write on your own first.'}
      </p>
      <div className="flex flex-wrap gap-2">
        {!isNow && (
          <Button
            small
            variant="secondary"
            aria-label={`Go to the step ${step.title}`}
            onClick={() =>
              act((c) => c('agenda:go', { from: current, to: step.id }), `Now: ${step.title}.`)
            }
          >
            Go to this step
          </Button>
        )}
        <Button
          small
          variant="secondary"
          id={up}
          disabled={index === 0}
          aria-label={`Move ${step.title} up`}
          onClick={() => move(-1, `${step.title} moved up, to step ${index}.`)}
        >
          Move up
        </Button>
        <Button
          small
          variant="secondary"
          id={down}
          disabled={index === count - 1}
          aria-label={`Move ${step.title} down`}
          onClick={() => move(1, `${step.title} moved down, to step ${index + 2}.`)}
        >
          Move down
        </Button>
        <Button
          small
          variant="secondary"
          aria-expanded={editing}
          aria-label={`Change ${step.title}`}
          onClick={() => setEditing((e) => !e)}
        >
          Change
        </Button>
        {!isNow && count > 1 && (
          <ConfirmAction
            label="Remove"
            accessibleLabel={`Remove ${step.title}`}
            question={`Remove the step ${step.title} from the agenda?`}
            confirmLabel="Yes, remove it"
            doneMessage={`${step.title} removed.`}
            run={() =>
              new Promise<Ack>((resolve) =>
                act(
                  (c) =>
                    c('agenda:edit', { op: 'remove', id: step.id }).then((r) => {
                      resolve(r);
                      return r;
                    }),
                  `${step.title} removed.`,
                ),
              )
            }
            onDone={(_, ok) => ok && refocus([NEW_STEP_ID])}
          />
        )}
      </div>
      {editing && <AgendaStepForm step={step} act={act} done={() => setEditing(false)} />}
    </li>
  );
}
