'use client';
/**
 * "What became of this" on a Joint priorities card (issue 9, "You said, we did"): the
 * decisions that answer it with their outcome and actions, the indicators that serve it, or
 * "Not possible, because …". Facilitators can close it as not possible, with a reason, or
 * reopen it.
 */
import { type FormEvent, useState } from 'react';
import { RECORD_LIMITS } from '../../lib/protocol/recordEvents';
import { ErrorLine } from '../board/ErrorLine';
import { Button } from '../ui/Button';
import { FateList, fateLine } from './FateList';
import { fateOf } from './fate';
import { useRecordsContext } from './RecordsContext';
import { useLinks } from './useLinks';

/** The facilitator's "Not possible" form, or "Reopen". */
function CloseControl({ cardId, closed }: { cardId: string; closed: boolean }) {
  const { call } = useRecordsContext();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!call) return null;
  const inputId = `${cardId}-not-possible`;

  async function send(close: boolean, why: string) {
    if (!call) return;
    const ack = await call('priority:close', { cardId, closed: close, reason: why });
    setError(ack.ok ? null : ack.message);
    if (ack.ok) {
      setAsking(false);
      setReason('');
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setError('Say why it is not possible.');
      document.getElementById(inputId)?.focus();
      return;
    }
    await send(true, reason);
  }

  if (closed) {
    return (
      <>
        <Button small variant="secondary" onClick={() => send(false, '')}>
          Reopen this priority
        </Button>
        {error && <ErrorLine message={error} />}
      </>
    );
  }
  if (!asking) {
    return (
      <Button small variant="secondary" onClick={() => setAsking(true)}>
        Mark as not possible
      </Button>
    );
  }
  return (
    <form onSubmit={submit} className="space-y-1">
      <label htmlFor={inputId} className="block font-semibold">
        Not possible, because…
      </label>
      <input
        id={inputId}
        // biome-ignore lint/a11y/noAutofocus: the person just asked for this field
        autoFocus
        value={reason}
        maxLength={RECORD_LIMITS.noteChars}
        onChange={(event) => setReason(event.currentTarget.value)}
        className="block min-h-11 w-full rounded-md border-2 border-ink bg-white px-2 text-ink"
      />
      <div className="flex flex-wrap gap-2">
        <Button small type="submit">
          Save
        </Button>
        <Button small variant="secondary" onClick={() => setAsking(false)}>
          Cancel
        </Button>
      </div>
      {error && <ErrorLine message={error} />}
    </form>
  );
}

/** The "What became of this" block of one priority card. */
export function PriorityFate({ cardId, facilitates }: { cardId: string; facilitates: boolean }) {
  const records = useRecordsContext();
  const links = useLinks(records.links, cardId);
  const fate = fateOf(cardId, links, records.view);
  const line = fateLine(fate);
  return (
    <div data-testid="fate" className="space-y-1 rounded-md bg-white p-1.5 text-ink text-sm">
      <p>
        <span className="font-bold">What became of this: </span>
        {line}
      </p>
      {line === null && <FateList fate={fate} />}
      {facilitates && <CloseControl cardId={cardId} closed={fate.closedBecause !== null} />}
    </div>
  );
}
