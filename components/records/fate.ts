/**
 * "You said, we did" (issue 9): what became of one Joint priorities card, from the records
 * that link to it and the facts the server stored (outcomes, actions, closures). Pure, so
 * the board's line, the facilitator's "Still open" list and their tests agree.
 */
import {
  ACTION_STATUS_LABEL,
  type ActionView,
  OUTCOME_LABEL,
  type OutcomeView,
  type RecordsView,
} from '../../lib/protocol/recordEvents';
import type { LinkedRecord } from './LinksIndex';

/** One decision that answers the card, with its outcome and actions. */
export interface DecisionFate {
  id: string;
  text: string;
  outcome: OutcomeView | null;
  actions: ActionView[];
}

/** What became of a card. */
export interface Fate {
  decisions: DecisionFate[];
  indicators: LinkedRecord[];
  /** "Not possible, because …", when the facilitator closed it. */
  closedBecause: string | null;
  /** True while nothing answers it and nobody closed it. */
  open: boolean;
}

/** An empty records state, before the server's first `records:update`. */
export const NO_RECORDS: RecordsView = { outcomes: [], actions: [], readings: [], closures: [] };

/** Work out what became of `cardId`. */
export function fateOf(cardId: string, links: readonly LinkedRecord[], records: RecordsView): Fate {
  const decisions = links
    .filter((l) => l.kind === 'decision')
    .map((l) => ({
      id: l.id,
      text: l.text,
      outcome: records.outcomes.find((o) => o.decisionId === l.id) ?? null,
      actions: records.actions.filter((a) => a.decisionId === l.id),
    }));
  const indicators = links.filter((l) => l.kind === 'indicator');
  const closure = records.closures.find((c) => c.cardId === cardId);
  const closedBecause = closure ? closure.reason : null;
  return {
    decisions,
    indicators,
    closedBecause,
    open: decisions.length === 0 && indicators.length === 0 && closedBecause === null,
  };
}

/** "Agreed", or "No outcome yet". */
export function outcomeWords(outcome: OutcomeView | null): string {
  return outcome ? OUTCOME_LABEL[outcome.outcome] : 'No outcome yet';
}

/** "What: who, by when (status)". */
export function actionWords(action: ActionView): string {
  const when = action.byWhen ? `, by ${action.byWhen}` : '';
  const dropped = action.status === 'dropped' && action.reason ? `: ${action.reason}` : '';
  return `${action.what} — ${action.who}${when} (${ACTION_STATUS_LABEL[action.status]}${dropped})`;
}

/** "This goes against what people with lived experience asked for, because …". */
export function againstSentence(outcome: OutcomeView): string {
  return `This goes against what people with lived experience asked for, because ${outcome.rationale}`;
}

/** A short quote of a record's text for lists ("Untitled" when empty). */
export function quote(text: string, max = 90): string {
  const t = text.trim().replace(/\s+/g, ' ');
  if (!t) return 'Not written yet';
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
