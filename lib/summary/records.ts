/**
 * Sections 4–6 of the summary from issue 9's records: each decision's and indicator's
 * fields as the room holds them, the facts the server stored (outcome, actions, readings,
 * closures, already filtered for the viewer), adoption (both groups endorsed the record as
 * it is now), and "You said, we did" through `impactOf`, so the summary and the impact
 * page give one answer. Pure.
 */
import { DECISION_RULE_LABEL, type DecisionRule } from '../board/schema';
import { ACTION_STATUS_LABEL, OUTCOME_LABEL } from '../protocol/recordEvents';
import { type CardImpact, type ImpactRecord, impactOf } from '../records/impact';
import type { SummaryCardInput, SummaryInput } from './input';
import type {
  SummaryCard,
  SummaryDecision,
  SummaryIndicator,
  SummaryVote,
  SummaryYouSaid,
} from './schema';

/** The statement the summary makes when an outcome goes against lived experience. */
export const AGAINST_LIVED_PREFIX =
  'This goes against what people with lived experience asked for, because';

/** A reason continuing "…, because": its first letter lowered unless it starts a capitalised word like "BSL". */
export function becauseWords(reason: string): string {
  const r = reason.trim();
  return /^[A-Z][a-z]/.test(r) ? r[0]?.toLowerCase() + r.slice(1) : r;
}

const str = (c: SummaryCardInput, field: string): string => {
  const v = c.fields[field];
  return typeof v === 'string' ? v : '';
};
const list = (c: SummaryCardInput, field: string): string[] => {
  const v = c.fields[field];
  return Array.isArray(v) ? v : [];
};

/** Links to live cards, as they read now (links to deleted cards are left out). */
function linked(ids: string[], texts: ReadonlyMap<string, string>) {
  return ids.flatMap((cardId) => {
    const text = texts.get(cardId);
    return text === undefined ? [] : [{ cardId, text }];
  });
}

function ruleWords(value: string): string | null {
  return value in DECISION_RULE_LABEL ? DECISION_RULE_LABEL[value as DecisionRule] : null;
}

/** One decision record with its outcome and actions. */
export function summariseDecision(
  c: SummaryCardInput,
  card: SummaryCard,
  input: SummaryInput,
  texts: ReadonlyMap<string, string>,
): SummaryDecision {
  const outcome = input.records.outcomes.find((o) => o.decisionId === c.id);
  return {
    ...card,
    proposal: c.text,
    options: str(c, 'options'),
    rule: ruleWords(str(c, 'rule')),
    powerLedger: {
      holder: str(c, 'powerHolder'),
      outOfHands: str(c, 'outOfHands'),
      passedOnTo: str(c, 'escalatedTo'),
    },
    outcome: outcome ? OUTCOME_LABEL[outcome.outcome] : null,
    rationale: str(c, 'rationale'),
    againstLivedExperience: outcome?.againstLived
      ? `${AGAINST_LIVED_PREFIX} ${becauseWords(outcome.rationale)}`
      : null,
    actions: input.records.actions
      .filter((a) => a.decisionId === c.id)
      .map((a) => ({
        text: a.what,
        owner: a.who,
        due: a.byWhen,
        status: ACTION_STATUS_LABEL[a.status],
        reason: a.reason,
      })),
    answers: linked(list(c, 'answers'), texts),
  };
}

/** Adopted: one person of each group endorsed the record as it is now (issue 9). */
export function isAdopted(c: Pick<SummaryCardInput, 'endorsedBy'>): boolean {
  return c.endorsedBy.includes('people') && c.endorsedBy.includes('system');
}

/** One indicator record with its adoption and readings (oldest first). */
export function summariseIndicator(
  c: SummaryCardInput,
  card: SummaryCard & { vote?: SummaryVote },
  input: SummaryInput,
  texts: ReadonlyMap<string, string>,
): SummaryIndicator {
  const review = c.fields.reviewDate;
  return {
    ...card,
    measure: str(c, 'measure'),
    target: str(c, 'target'),
    baseline: str(c, 'baseline'),
    dataSource: str(c, 'dataSource'),
    owner: str(c, 'owner'),
    reviewDate: typeof review === 'string' ? review : null,
    adoption: { adopted: isAdopted(c), endorsedBy: [...new Set(c.endorsedBy)].sort() },
    readings: input.records.readings
      .filter((r) => r.indicatorId === c.id)
      .map((r) => ({ date: r.date, value: r.value, note: r.note, addedBy: r.addedBy })),
    serves: linked(list(c, 'serves'), texts),
  };
}

/** "What became of it" in words, from the impact answer. */
export function impactWords(i: CardImpact): string {
  if (i.status === 'closed')
    return `Not possible, because ${becauseWords(i.closure?.reason ?? '')}`;
  if (i.status === 'open') return 'Still open';
  const decided = i.decisions.flatMap((d) =>
    d.outcome ? [`${OUTCOME_LABEL[d.outcome.outcome]}: ${d.text}`] : [],
  );
  const adopted = i.indicators.flatMap((x) => (x.adopted ? [`Checked by: ${x.text}`] : []));
  if (i.status === 'decided') return [...decided, ...adopted].join('; ');
  const linkedTo = [...i.decisions, ...i.indicators].map((r) => r.text);
  return `Being worked on: ${linkedTo.join('; ')}`;
}

/** "You said, we did" for the priorities, in the order given. */
export function youSaidWeDid(input: SummaryInput, priorityIds: string[]): SummaryYouSaid[] {
  const records: ImpactRecord[] = input.cards.map((c) => ({
    id: c.id,
    kind: c.kind,
    section: c.section,
    deleted: false,
    text: c.text,
    links:
      c.kind === 'decision' ? list(c, 'answers') : c.kind === 'indicator' ? list(c, 'serves') : [],
  }));
  const adopted = new Set(
    input.cards.filter((c) => c.kind === 'indicator' && isAdopted(c)).map((c) => c.id),
  );
  return impactOf({ records, view: input.records, adopted }, priorityIds).map((i) => ({
    cardId: i.cardId,
    text: i.text,
    status: i.status,
    outcome: impactWords(i),
  }));
}
