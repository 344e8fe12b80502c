'use client';
/** The facilitator's "Open a vote" form: section, dots, most dots on one card, closing time, results. */
import { type FormEvent, useState } from 'react';
import {
  DEFAULT_BUDGET,
  DEFAULT_DIVERGENCE_POINTS,
  DEFAULT_PER_CARD_CAP,
  MAX_BUDGET,
  MAX_DIVERGENCE_POINTS,
  MIN_DIVERGENCE_POINTS,
} from '../../lib/voting/types';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { RadioGroup } from '../ui/RadioGroup';
import type { Workshop } from '../workshop/useWorkshop';
import { type RoundFormErrors, readRoundForm } from './roundForm';

/** Props of `OpenRoundForm`. */
export interface OpenRoundFormProps {
  openRound: Workshop['openRound'];
}

/** Opens a voting round; shows what is wrong beside each field. */
export function OpenRoundForm({ openRound }: OpenRoundFormProps) {
  const [errors, setErrors] = useState<RoundFormErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    const read = readRoundForm(new FormData(event.currentTarget));
    if (!read.ok) return setErrors(read.errors);
    setErrors({});
    setBusy(true);
    const ack = await openRound(read.settings);
    setBusy(false);
    if (!ack.ok) setProblem(ack.message);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="open-round-heading">
      <h4 id="open-round-heading" className="mb-2 font-bold text-lg">
        Open a vote
      </h4>
      <RadioGroup
        name="round-section"
        legend="Which cards will people vote on?"
        defaultValue="priorities"
        options={[
          { value: 'priorities', label: 'Joint priorities' },
          { value: 'indicators', label: 'Quality indicators' },
        ]}
      />
      <Field
        id="round-budget"
        label="Dots for each person"
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_BUDGET}
        defaultValue={DEFAULT_BUDGET}
        error={errors.budget}
      />
      <Field
        id="round-cap"
        label="Most dots one person can put on one card"
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_BUDGET}
        defaultValue={DEFAULT_PER_CARD_CAP}
        error={errors.perCardCap}
      />
      <Field
        id="round-deadline"
        label="Voting closes on (you can leave this empty)"
        hint="Pick a date and time. It can be days away, so people can vote in their own time. You can make it later. If you leave it empty, voting stays open until you close it."
        type="datetime-local"
        error={errors.deadline}
      />
      <Field
        id="round-divergence"
        label="Mark a card “Seen differently” when the groups’ shares of it differ by at least this many percentage points"
        hint={`From ${MIN_DIVERGENCE_POINTS} to ${MAX_DIVERGENCE_POINTS}. ${DEFAULT_DIVERGENCE_POINTS} marks a few cards in a typical vote; a smaller number marks more.`}
        type="number"
        inputMode="numeric"
        min={MIN_DIVERGENCE_POINTS}
        max={MAX_DIVERGENCE_POINTS}
        defaultValue={DEFAULT_DIVERGENCE_POINTS}
        error={errors.divergencePoints}
      />
      <RadioGroup
        name="round-results"
        legend="When can people see the results?"
        defaultValue="hidden"
        options={[
          {
            value: 'hidden',
            label: 'When voting closes',
            hint: 'Best for most votes: no one is swayed by how others voted.',
          },
          { value: 'live', label: 'While voting is open' },
        ]}
      />
      <Button type="submit" aria-disabled={busy || undefined}>
        {busy ? 'Opening the vote…' : 'Open voting'}
      </Button>
      {problem && (
        <p role="alert" className="mt-2 font-semibold">
          {problem}
        </p>
      )}
    </form>
  );
}
