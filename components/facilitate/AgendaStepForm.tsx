'use client';
/**
 * Change a step (issue 11): its title, what it asks of people, which sections are open for
 * adding and for editing, voting, and "write on your own first". Ticking "adding" ticks
 * "editing" too, as the server does: you could not write in a card you were allowed to add.
 */
import { type FormEvent, useId, useState } from 'react';
import { SECTION_INFO, SECTIONS, type Section } from '../../lib/board/sections';
import { type AgendaStep, MAX_STEP_ASKS, MAX_STEP_TITLE } from '../../lib/facilitation/agenda';
import { Button } from '../ui/Button';
import type { TimerControlsProps } from './TimerControls';

/** Props of `AgendaStepForm`. */
export interface AgendaStepFormProps {
  step: AgendaStep;
  act: TimerControlsProps['act'];
  /** Close the form. */
  done(): void;
}

const field = 'min-h-11 rounded border-2 border-ink px-2 font-normal';
const toggle = (list: Section[], s: Section, on: boolean) =>
  SECTIONS.filter((x) => (x === s ? on : list.includes(x)));

/** The form for one step. */
export function AgendaStepForm({ step, act, done }: AgendaStepFormProps) {
  const id = useId();
  const [title, setTitle] = useState(step.title);
  const [asks, setAsks] = useState(step.asks);
  const [adding, setAdding] = useState<Section[]>(step.adding);
  const [editing, setEditing] = useState<Section[]>(step.editing);
  const [voting, setVoting] = useState(step.voting);
  const [writePrivately, setPrivately] = useState(step.writePrivately);

  /** Send only what changed, so a form that changes one thing makes one request. */
  function save(e: FormEvent) {
    e.preventDefault();
    const rules = { adding, editing, voting, writePrivately };
    const renamed = title.trim() !== step.title || asks.trim() !== step.asks;
    const same = (x: readonly string[], y: readonly string[]) => x.join() === y.join();
    const ruled =
      !same(adding, step.adding) ||
      !same(editing, step.editing) ||
      voting !== step.voting ||
      writePrivately !== step.writePrivately;
    act(async (c) => {
      if (renamed) {
        const r = await c('agenda:edit', { op: 'rename', id: step.id, title, asks });
        if (!r.ok) return r;
      }
      const s = ruled ? await c('agenda:edit', { op: 'rules', id: step.id, rules }) : { ok: true };
      if (s.ok) done();
      return s;
    }, `${title.trim()} saved.`);
  }

  const box = (label: string, checked: boolean, onChange: (on: boolean) => void) => (
    <label key={label} className="flex min-h-11 items-center gap-2">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="size-6 accent-joint-edge"
      />
      {label}
    </label>
  );
  return (
    <form onSubmit={save} className="space-y-2" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`} className="font-semibold">
        Change {step.title}
      </h4>
      <label className="flex flex-col font-semibold">
        Title
        <input
          required
          value={title}
          maxLength={MAX_STEP_TITLE}
          onChange={(e) => setTitle(e.target.value)}
          className={field}
        />
      </label>
      <label className="flex flex-col font-semibold">
        What it asks of people (one sentence)
        <input
          value={asks}
          maxLength={MAX_STEP_ASKS}
          onChange={(e) => setAsks(e.target.value)}
          className={field}
        />
      </label>
      <fieldset>
        <legend className="font-semibold">People can add cards to</legend>
        {SECTIONS.map((s) =>
          box(SECTION_INFO[s].title, adding.includes(s), (on) => {
            setAdding(toggle(adding, s, on));
            if (on) setEditing(toggle(editing, s, true));
          }),
        )}
      </fieldset>
      <fieldset>
        <legend className="font-semibold">People can change and move cards in</legend>
        {SECTIONS.map((s) =>
          box(SECTION_INFO[s].title, editing.includes(s), (on) => {
            setEditing(toggle(editing, s, on));
            if (!on) setAdding(toggle(adding, s, false));
          }),
        )}
      </fieldset>
      {box('Voting is open', voting, setVoting)}
      {box('Write on your own first', writePrivately, setPrivately)}
      <div className="flex flex-wrap gap-2">
        <Button type="submit">Save the step</Button>
        <Button variant="secondary" onClick={done}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
