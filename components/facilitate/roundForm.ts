/**
 * Reads the "Open a vote" form into the `round:open` payload, checked with the protocol's
 * own schema, and turns any problems into one plain message per field.
 */
import { roundOpenSchema } from '../../lib/protocol/events';
import {
  DEFAULT_DIVERGENCE_POINTS,
  MAX_DIVERGENCE_POINTS,
  MIN_DIVERGENCE_POINTS,
} from '../../lib/voting/types';
import { deadlineProblem, isoFromLocalInput } from '../vote/deadlineInput';
import type { RoundSettings } from '../workshop/useWorkshop';

/** Field name → message. */
export type RoundFormErrors = Partial<
  Record<'budget' | 'perCardCap' | 'deadline' | 'divergencePoints', string>
>;

function whole(value: FormDataEntryValue | null): number {
  const text = String(value ?? '').trim();
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

/** The settings, or the problems to show. */
export function readRoundForm(
  form: FormData,
): { ok: true; settings: RoundSettings } | { ok: false; errors: RoundFormErrors } {
  const errors: RoundFormErrors = {};
  const deadlineText = String(form.get('round-deadline') ?? '');
  if (deadlineText) {
    const problem = deadlineProblem(deadlineText);
    if (problem) errors.deadline = problem;
  }
  const settings = {
    section: String(form.get('round-section') ?? 'priorities'),
    budget: whole(form.get('round-budget')),
    perCardCap: whole(form.get('round-cap')),
    deadline: isoFromLocalInput(deadlineText),
    resultsVisibility: String(form.get('round-results') ?? 'hidden'),
    divergencePoints: form.has('round-divergence')
      ? whole(form.get('round-divergence'))
      : DEFAULT_DIVERGENCE_POINTS,
  };
  const parsed = roundOpenSchema.safeParse(settings);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === 'budget') errors.budget = 'Enter a whole number from 1 to 50.';
      else if (field === 'perCardCap') errors.perCardCap = 'Enter a whole number from 1 to 50.';
      else if (field === 'divergencePoints')
        errors.divergencePoints = `Enter a whole number from ${MIN_DIVERGENCE_POINTS} to ${MAX_DIVERGENCE_POINTS}.`;
      else if (issue.path.length === 0) errors.perCardCap = issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, settings: parsed.data };
}
