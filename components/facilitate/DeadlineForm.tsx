'use client';
/** A closing-time input and a button: used to make a vote's closing time later, or to reopen a vote. */
import { type FormEvent, useId, useState } from 'react';
import type { Ack } from '../../lib/protocol/events';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { deadlineProblem, isoFromLocalInput, localInputFromIso } from '../vote/deadlineInput';

/** Props of `DeadlineForm`. */
export interface DeadlineFormProps {
  label: string;
  hint?: string;
  buttonLabel: string;
  /** The current closing time, to start from. */
  current: string | null;
  /** May the input be left empty (no closing time)? */
  optional: boolean;
  onSubmit(deadline: string | null): Promise<Ack>;
  /** Called after the server said yes. */
  onDone?(): void;
}

/** A small form with one date-and-time field. */
export function DeadlineForm(props: DeadlineFormProps) {
  const { label, hint, buttonLabel, current, optional, onSubmit, onDone } = props;
  const id = useId();
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState('');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus('');
    const value = String(new FormData(event.currentTarget).get('deadline') ?? '');
    const problem = !value
      ? optional
        ? null
        : 'Enter a date and a time.'
      : deadlineProblem(value);
    if (problem) return setError(problem);
    setError(undefined);
    const ack = await onSubmit(isoFromLocalInput(value));
    if (!ack.ok) return setError(ack.message);
    setStatus('Saved.');
    onDone?.();
  }

  return (
    <form onSubmit={submit} noValidate className="mt-3">
      <Field
        id={`${id}-deadline`}
        name="deadline"
        label={label}
        hint={hint}
        type="datetime-local"
        defaultValue={current ? localInputFromIso(current) : ''}
        error={error}
      />
      <Button type="submit" variant="secondary" small>
        {buttonLabel}
      </Button>
      <p role="status" className="mt-1">
        {status}
      </p>
    </form>
  );
}
