/**
 * "You said, we did" (issue 9): what became of each card. Pure, so the impact page, the
 * priority card's line, the facilitator's "Still open" list and later the summary read
 * one answer: the decisions that answer a card (with their outcome and actions), the
 * indicators that serve it (adopted or not, with their latest reading), its "not
 * possible" closure, or still open.
 */
import type { RecordKind } from '../board/schema';
import type { Section } from '../board/sections';
import type {
  ActionView,
  ClosureView,
  OutcomeView,
  ReadingView,
  RecordsView,
} from '../protocol/recordEvents';

/** What impact needs of one board record. */
export interface ImpactRecord {
  id: string;
  kind: RecordKind;
  section: Section;
  deleted: boolean;
  text: string;
  /** A decision's `answers`, an indicator's `serves`. */
  links: readonly string[];
}

/** A decision that answers a card. */
export interface DecisionImpact {
  id: string;
  text: string;
  outcome: OutcomeView | null;
  actions: ActionView[];
}

/** An indicator that serves a card. */
export interface IndicatorImpact {
  id: string;
  text: string;
  adopted: boolean;
  latest: ReadingView | null;
}

/**
 * Where a card stands: `decided` (a decision answering it has an outcome, or an adopted
 * indicator serves it), `underway` (linked, not decided or adopted yet), `closed` ("not
 * possible, because …"), or `open` (nothing answers it).
 */
export type ImpactStatus = 'decided' | 'underway' | 'closed' | 'open';

/** What became of one card. */
export interface CardImpact {
  cardId: string;
  text: string;
  section: Section;
  status: ImpactStatus;
  decisions: DecisionImpact[];
  indicators: IndicatorImpact[];
  closure: ClosureView | null;
}

/** What the impact page and the "Still open" list render. */
export interface ImpactPageData {
  workshop: { id: string; title: string };
  cards: CardImpact[];
}

/** What `impactOf` reads. */
export interface ImpactInput {
  records: readonly ImpactRecord[];
  /** The records view as this viewer may see it. */
  view: RecordsView;
  /** Ids of the indicators both groups endorsed as they are now. */
  adopted: ReadonlySet<string>;
}

/** What became of each of `cardIds` (live cards only, in the order given). */
export function impactOf(input: ImpactInput, cardIds: readonly string[]): CardImpact[] {
  const live = new Map(input.records.filter((r) => !r.deleted).map((r) => [r.id, r]));
  const outcomes = new Map(input.view.outcomes.map((o) => [o.decisionId, o]));
  const closures = new Map(input.view.closures.map((c) => [c.cardId, c]));
  const linkedTo = new Map<string, ImpactRecord[]>();
  for (const r of live.values())
    for (const target of new Set(r.links))
      linkedTo.set(target, [...(linkedTo.get(target) ?? []), r]);
  const out: CardImpact[] = [];
  for (const id of cardIds) {
    const card = live.get(id);
    if (card?.kind !== 'card') continue;
    const linking = (kind: RecordKind) => (linkedTo.get(id) ?? []).filter((r) => r.kind === kind);
    const decisions = linking('decision').map(
      (d): DecisionImpact => ({
        id: d.id,
        text: d.text,
        outcome: outcomes.get(d.id) ?? null,
        actions: input.view.actions.filter((a) => a.decisionId === d.id),
      }),
    );
    const indicators = linking('indicator').map(
      (i): IndicatorImpact => ({
        id: i.id,
        text: i.text,
        adopted: input.adopted.has(i.id),
        latest: latestReading(input.view.readings, i.id),
      }),
    );
    const closure = closures.get(id) ?? null;
    const status = statusOf(decisions, indicators, closure);
    out.push({
      cardId: id,
      text: card.text,
      section: card.section,
      status,
      decisions,
      indicators,
      closure,
    });
  }
  return out;
}

/** Joint priorities cards nothing answers yet, in board order: the facilitator's "Still open". */
export function stillOpen(input: ImpactInput): CardImpact[] {
  const priorities = input.records
    .filter((r) => r.section === 'priorities' && r.kind === 'card' && !r.deleted)
    .map((r) => r.id);
  return impactOf(input, priorities).filter((c) => c.status === 'open');
}

function statusOf(
  decisions: DecisionImpact[],
  indicators: IndicatorImpact[],
  closure: ClosureView | null,
): ImpactStatus {
  if (decisions.some((d) => d.outcome) || indicators.some((i) => i.adopted)) return 'decided';
  if (closure) return 'closed';
  return decisions.length + indicators.length > 0 ? 'underway' : 'open';
}

/** The reading with the latest date (the later-added one on the same date). */
function latestReading(readings: readonly ReadingView[], indicatorId: string): ReadingView | null {
  let best: ReadingView | null = null;
  for (const r of readings) {
    if (r.indicatorId !== indicatorId) continue;
    if (!best || r.date > best.date || (r.date === best.date && r.addedAt >= best.addedAt))
      best = r;
  }
  return best;
}
