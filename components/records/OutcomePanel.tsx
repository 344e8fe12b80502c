'use client';
/**
 * A decision's outcome (issue 9). Everyone sees the saved outcome and its reason, with
 * "This goes against what people with lived experience asked for, because …" when it does.
 * Facilitators choose an outcome, may note that people with lived experience disagreed, and
 * save; the server checks the rationale and refuses a missing one, which the decision shows
 * beside its Why box.
 */
import { useState } from 'react';
import {
  OUTCOME_LABEL,
  OUTCOMES,
  type Outcome,
  type OutcomeView,
} from '../../lib/protocol/recordEvents';
import { ErrorLine } from '../board/ErrorLine';
import { Button } from '../ui/Button';
import { againstSentence } from './fate';

/** Props of `OutcomePanel`. */
export interface OutcomePanelProps {
  recordId: string;
  saved: OutcomeView | null;
  /** Facilitators only: save the outcome; resolves with the refusal's words, or null. */
  save: ((outcome: Outcome, livedDisagreed: boolean) => Promise<string | null>) | null;
}

/** The saved outcome, and the facilitator's form. */
export function OutcomePanel({ recordId, saved, save }: OutcomePanelProps) {
  const [choice, setChoice] = useState<Outcome | null>(saved?.outcome ?? null);
  const [disagreed, setDisagreed] = useState(saved?.againstBecause === 'note');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = `${recordId}-outcome`;

  async function submit() {
    if (!save || busy) return;
    if (!choice) {
      setError('Choose an outcome first.');
      return;
    }
    setBusy(true);
    setError(null);
    setError(await save(choice, disagreed));
    setBusy(false);
  }

  return (
    <section aria-label="Outcome" className="space-y-2 rounded-md border-2 border-ink bg-white p-2">
      <h4 className="font-bold">Outcome</h4>
      {saved ? (
        <div data-testid="outcome" className="space-y-1">
          <p>
            <span className="font-bold">Decided: </span>
            {OUTCOME_LABEL[saved.outcome]}
          </p>
          {saved.rationale && (
            <p className="whitespace-pre-wrap break-words">
              <span className="font-bold">Why: </span>
              {saved.rationale}
            </p>
          )}
          {saved.againstLived && (
            <p
              data-testid="against-lived"
              className="rounded-md border-4 border-people-edge border-dashed p-2 font-semibold"
            >
              {againstSentence(saved)}
            </p>
          )}
        </div>
      ) : (
        <p className="italic">No outcome yet.</p>
      )}
      {save && (
        <fieldset className="space-y-1">
          <legend className="font-semibold">
            {saved ? 'Change the outcome' : 'Record the outcome'}
          </legend>
          {OUTCOMES.map((o) => (
            <div key={o} className="flex items-center gap-2">
              <input
                type="radio"
                id={`${name}-${o}`}
                name={name}
                value={o}
                checked={choice === o}
                onChange={() => setChoice(o)}
                className="size-6 shrink-0 cursor-pointer accent-joint-edge"
              />
              <label htmlFor={`${name}-${o}`} className="min-h-11 cursor-pointer py-2">
                {OUTCOME_LABEL[o]}
              </label>
            </div>
          ))}
          <div className="flex items-center gap-2">
            <input
              type="checkbox"
              id={`${name}-disagreed`}
              checked={disagreed}
              onChange={(event) => setDisagreed(event.currentTarget.checked)}
              className="size-6 shrink-0 cursor-pointer accent-joint-edge"
            />
            <label htmlFor={`${name}-disagreed`} className="min-h-11 cursor-pointer py-2">
              People with lived experience disagreed
            </label>
          </div>
          <Button small aria-disabled={busy || undefined} onClick={submit}>
            Save the outcome
          </Button>
          {error && <ErrorLine message={error} />}
        </fieldset>
      )}
    </section>
  );
}
