/**
 * A decision's and an indicator's details as labelled lines, shared by the page, Markdown,
 * DOCX and PDF so every format says the same thing in the same words. Empty fields are left
 * out rather than shown blank; an undecided outcome or unadopted indicator is said.
 */
import { GROUP_LABEL } from '../roles';
import type { SummaryDecision, SummaryIndicator } from './schema';
import { dateWords } from './words';

const quoted = (cards: { text: string }[]) => cards.map((c) => `“${c.text}”`).join('; ');
const field = (label: string, value: string | null) =>
  value?.trim() ? [`${label}: ${value.trim()}`] : [];

/** A decision's options, rule, power ledger, outcome, reasons, actions and answers. */
export function decisionLines(d: SummaryDecision): string[] {
  return [
    ...field('Options considered', d.options),
    `How it is decided: ${d.rule ?? 'not recorded'}`,
    ...field('Who holds the budget or the veto', d.powerLedger.holder),
    ...field('Out of the room’s hands', d.powerLedger.outOfHands),
    ...field('Passed on to', d.powerLedger.passedOnTo),
    `Outcome: ${d.outcome ?? 'not decided yet'}`,
    // Going against lived experience, the statement gives the reason saved with the outcome.
    ...(d.againstLivedExperience ? [d.againstLivedExperience] : field('Why', d.rationale)),
    ...d.actions.map(
      (a) =>
        `Action: ${a.text}. Who: ${a.owner}. By: ${a.due ? dateWords(a.due) : 'no date'}. Status: ${a.status}${a.reason ? ` (${a.reason})` : ''}.`,
    ),
    ...field('Answers', quoted(d.answers)),
  ];
}

/** "Adopted by both groups" or who has endorsed it so far. */
export function adoptionWords(i: SummaryIndicator): string {
  if (i.adoption.adopted) return 'Adopted: both groups endorsed it as it is now';
  const by = i.adoption.endorsedBy.map((g) => GROUP_LABEL[g].toLowerCase());
  return by.length ? `Not adopted yet: endorsed by ${by.join(' and ')} only` : 'Not adopted yet';
}

/** An indicator's measure, target, baseline, source, owner, review date, adoption, readings. */
export function indicatorLines(i: SummaryIndicator): string[] {
  return [
    ...field('Measure', i.measure),
    ...field('Target', i.target),
    ...field('Baseline', i.baseline),
    ...field('Data source', i.dataSource),
    ...field('Owner', i.owner),
    ...field('Review date', i.reviewDate && dateWords(i.reviewDate)),
    adoptionWords(i),
    ...(i.readings.length === 0 ? ['No readings yet'] : []),
    ...i.readings.map(
      (r) =>
        `Reading on ${dateWords(r.date)}: ${r.value}${r.note ? ` (${r.note})` : ''}. Added by ${r.addedBy}.`,
    ),
    ...field('Serves', quoted(i.serves)),
  ];
}
