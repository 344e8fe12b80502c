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
import { Fate } from './FateList';
import { cardImpact } from './fate';
import { useRecordsContext } from './RecordsContext';
import { useAdopted } from './useAdopted';
import { useLinks } from './useLinks';

/** The facilitator's "Not possible, because…" form, opened from the card's menu. */
function CloseForm({ cardId, done }: { cardId: string; done(): void }) {
  const { call } = useRecordsContext();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputId = `${cardId}-not-possible`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setError('Say why it is not possible.');
      document.getElementById(inputId)?.focus();
      return;
    }
    if (!call) return;
    const ack = await call('priority:close', { cardId, closed: true, reason });
    setError(ack.ok ? null : ack.message);
    if (ack.ok) done();
  }

  return (
    <form onSubmit={submit} className="space-y-1">
      <label htmlFor={inputId} className="block font-semibold">
        Not possible, because…
      </label>
      <input
        id={inputId}
        // biome-ignore lint/a11y/noAutofocus: the facilitator just chose "Mark as not possible"
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
        <Button small variant="secondary" onClick={done}>
          Cancel
        </Button>
      </div>
      {error && <ErrorLine message={error} />}
    </form>
  );
}

/** Props of `PriorityFate`. */
export interface PriorityFateProps {
  cardId: string;
  /** True while the facilitator's "Not possible" form is open (from the card's menu). */
  closing: boolean;
  doneClosing(): void;
}

/**
 * The "What became of this" block of one priority card. Nothing while nothing answers it
 * (the facilitator's "Still open" list has those), so open cards stay compact.
 */
export function PriorityFate({ cardId, closing, doneClosing }: PriorityFateProps) {
  const records = useRecordsContext();
  const links = useLinks(records.links, cardId);
  const adopted = useAdopted(links);
  const impact = cardImpact(cardId, 'priorities', links, records.view, adopted);
  const open = impact.status === 'open';
  if (open && !closing) return null;
  return (
    <div data-testid="fate" className="space-y-1 rounded-md bg-white p-1.5 text-ink text-sm">
      {!open && <Fate impact={impact} label="What became of this" />}
      {closing && <CloseForm cardId={cardId} done={doneClosing} />}
    </div>
  );
}
