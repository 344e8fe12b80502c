'use client';
/**
 * Edit the agenda's steps with buttons (issue 11): add, remove, rename, move up or down,
 * change what a step opens, and go to a step. After a move, focus stays on the moved
 * step's button so a keyboard user can keep moving it.
 */
import { type FormEvent, useState } from 'react';
import { type Agenda, MAX_STEP_TITLE, MAX_STEPS } from '../../lib/facilitation/agenda';
import { Button } from '../ui/Button';
import { AgendaStepItem, NEW_STEP_ID } from './AgendaStepItem';
import type { TimerControlsProps } from './TimerControls';

/** Props of `AgendaEditor`. */
export interface AgendaEditorProps {
  agenda: Agenda;
  act: TimerControlsProps['act'];
}

/** The list of steps, and a form to add one. */
export function AgendaEditor({ agenda, act }: AgendaEditorProps) {
  const [title, setTitle] = useState('');
  function add(e: FormEvent) {
    e.preventDefault();
    const t = title.trim();
    if (!t) return;
    act(
      (c) =>
        c('agenda:edit', { op: 'add', title: t }).then((r) => {
          if (r.ok) setTitle('');
          return r;
        }),
      `Added the step ${t} at the end.`,
    );
  }
  return (
    <div className="mt-2 space-y-3">
      <ol className="space-y-2">
        {agenda.steps.map((step, i) => (
          <AgendaStepItem
            key={step.id}
            step={step}
            index={i}
            count={agenda.steps.length}
            current={agenda.current}
            act={act}
          />
        ))}
      </ol>
      {agenda.steps.length < MAX_STEPS ? (
        <form onSubmit={add} className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col font-semibold">
            New step
            <input
              id={NEW_STEP_ID}
              value={title}
              maxLength={MAX_STEP_TITLE}
              onChange={(e) => setTitle(e.target.value)}
              className="min-h-11 rounded border-2 border-ink px-2 font-normal"
            />
          </label>
          <Button type="submit">Add a step</Button>
        </form>
      ) : (
        <p>The agenda has {MAX_STEPS} steps, as many as it can have.</p>
      )}
    </div>
  );
}
