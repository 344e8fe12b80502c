'use client';
/** "Most people who can join with this link": a facilitator's cap on one invite link. */
import { type FormEvent, useId, useState } from 'react';
import type { Ack, InviteView } from '../../lib/protocol/events';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';

/** Props of `InviteCapForm`. */
export interface InviteCapFormProps {
  invite: InviteView;
  title: string;
  capInvite(inviteId: string, maxJoins: number | null): Promise<Ack>;
}

/** A small form: a number (empty for no limit) and "Save limit". */
export function InviteCapForm({ invite, title, capInvite }: InviteCapFormProps) {
  const id = useId();
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState('');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus('');
    const raw = String(new FormData(event.currentTarget).get('cap') ?? '').trim();
    const cap = raw === '' ? null : Number(raw);
    if (cap !== null && (!Number.isInteger(cap) || cap < 1 || cap > 10_000))
      return setError('Enter a whole number from 1 to 10000, or leave it empty for no limit.');
    setError(undefined);
    const ack = await capInvite(invite.id, cap);
    if (!ack.ok) return setError(ack.message);
    setStatus(cap === null ? 'No limit now.' : `Saved: at most ${cap}.`);
  }

  return (
    <details className="mt-2">
      <summary className="min-h-6 cursor-pointer">Limit how many can join</summary>
      <form onSubmit={submit} noValidate className="mt-2" aria-label={`Limit for ${title}`}>
        <Field
          id={`${id}-cap`}
          name="cap"
          label="Most people who can join with this link"
          hint="Leave it empty for no limit."
          inputMode="numeric"
          defaultValue={invite.maxJoins === null ? '' : String(invite.maxJoins)}
          error={error}
        />
        <Button type="submit" variant="secondary" small>
          Save limit
        </Button>
        <p role="status" className="mt-1">
          {status}
        </p>
      </form>
    </details>
  );
}
