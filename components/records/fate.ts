/**
 * "You said, we did" on the board (issue 9): what became of one card, worked out by
 * `impactOf` (lib/records/impact.ts, the same rule the server uses for the impact page and
 * "Still open") from the records that link to it, plus the words the UI says about it.
 */

import type { Section } from '../../lib/board/sections';
import {
  ACTION_STATUS_LABEL,
  type ActionView,
  OUTCOME_LABEL,
  type OutcomeView,
  type RecordsView,
} from '../../lib/protocol/recordEvents';
import { type CardImpact, type ImpactRecord, impactOf } from '../../lib/records/impact';
import type { LinkedRecord } from './LinksIndex';

/** An empty records state, before the server's first `records:update`. */
export const NO_RECORDS: RecordsView = { outcomes: [], actions: [], readings: [], closures: [] };

/** What became of card `cardId` of `section`, from the records linking to it. */
export function cardImpact(
  cardId: string,
  section: Section,
  links: readonly LinkedRecord[],
  view: RecordsView,
  adopted: ReadonlySet<string> = new Set(),
): CardImpact {
  const records: ImpactRecord[] = [
    { id: cardId, kind: 'card', section, deleted: false, text: '', links: [] },
    ...links.map((l) => ({
      id: l.id,
      kind: l.kind,
      section: l.kind === 'decision' ? ('decisions' as const) : ('indicators' as const),
      deleted: false,
      text: l.text,
      links: [cardId],
    })),
  ];
  const [impact] = impactOf({ records, view, adopted }, [cardId]);
  return impact!;
}

/** "Agreed", or "No outcome yet". */
export function outcomeWords(outcome: OutcomeView | null): string {
  return outcome ? OUTCOME_LABEL[outcome.outcome] : 'No outcome yet';
}

/** "What — who, by when (status)". */
export function actionWords(action: ActionView): string {
  const when = action.byWhen ? `, by ${action.byWhen}` : '';
  const dropped = action.status === 'dropped' && action.reason ? `: ${action.reason}` : '';
  return `${action.what} — ${action.who}${when} (${ACTION_STATUS_LABEL[action.status]}${dropped})`;
}

/** "This goes against what people with lived experience asked for, because …". */
export function againstSentence(outcome: OutcomeView): string {
  return `This goes against what people with lived experience asked for, because ${midSentence(outcome.rationale)}`;
}

/** "The budget is fixed" → "the budget is fixed" after "because"; "I", "NHS" and "Ward 7" stay. */
function midSentence(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** A short quote of a record's text for lists ("Not written yet" when empty). */
export function quote(text: string, max = 90): string {
  const t = text.trim().replace(/\s+/g, ' ');
  if (!t) return 'Not written yet';
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
