/**
 * When a decision's outcome "goes against what people with lived experience asked for"
 * (issue 9, invariant I75), so it cannot be saved without a rationale. Pure: the server
 * decides with it, tests pin it, and nothing else re-implements it.
 *
 * It goes against them when either
 * - the facilitator notes that people with lived experience disagreed (`livedDisagreed`),
 *   whatever the outcome; or
 * - the outcome is a refusal (`notAgreed` or `notPossible`) and a card the decision answers
 *   was voted on in a closed round in which the lived-experience group gave that card a
 *   larger share of its dots than staff gave it.
 *
 * `deferred` is not a refusal: putting a decision off answers nothing yet, and the rule
 * applies again when it is decided. `agreed` and `agreedWithChanges` go with the request.
 */
import type { Outcome } from '../protocol/recordEvents';
import type { RoundResults } from '../voting/types';

/** Outcomes that refuse what a card asked for. */
export const REFUSALS: readonly Outcome[] = ['notAgreed', 'notPossible'];

/** What the rule reads. */
export interface AgainstLivedInput {
  outcome: Outcome;
  livedDisagreed: boolean;
  /** The ids of the cards the decision answers (its `answers` links). */
  answers: readonly string[];
  /** Results of the workshop's CLOSED rounds only; open rounds are not yet what people asked. */
  closedResults: readonly RoundResults[];
}

/** The verdict: against or not, and why. */
export interface AgainstLived {
  against: boolean;
  because: 'vote' | 'note' | null;
}

/** Decide whether an outcome goes against what people with lived experience asked for. */
export function againstLived(input: AgainstLivedInput): AgainstLived {
  if (input.livedDisagreed) return { against: true, because: 'note' };
  if (!REFUSALS.includes(input.outcome)) return { against: false, because: null };
  const answered = new Set(input.answers);
  const livedLeaning = input.closedResults.some((r) =>
    r.cards.some((c) => answered.has(c.cardId) && c.shares.people > c.shares.system),
  );
  return livedLeaning ? { against: true, because: 'vote' } : { against: false, because: null };
}

/** Whether a rationale is long enough to stand for an outcome that goes against them. */
export function rationaleEnough(rationale: string, min: number): boolean {
  return rationale.trim().length >= min;
}
