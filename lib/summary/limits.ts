/**
 * "What the summary cannot say" (issue 10 §8): plain sentences about what is left out or
 * not known yet, so nobody reads an absence as a fact.
 */
import { GROUP_LABEL } from '../roles';
import type { SummaryInput } from './input';
import type { SummaryModel } from './schema';

/** How the record facts are shown: as recorded, not checked. */
export const RECORDS_AS_RECORDED =
  'Outcomes, actions and readings are shown as the facilitators and participants recorded them; Purple does not check them. The reason given with an outcome is the one saved with it.';

/** The limits of this summary, in plain sentences. */
export function summaryLimits(
  input: SummaryInput,
  takingPart: SummaryModel['takingPart'],
  rounds: SummaryModel['balance']['rounds'],
): string[] {
  const out = [RECORDS_AS_RECORDED];
  for (const g of takingPart.groups) {
    if (g.small && g.group !== 'observer')
      out.push(
        `Fewer than three people took part as ${GROUP_LABEL[g.group].toLowerCase()}, so they are shown only as a group: no names, and nothing says which of them wrote what.`,
      );
  }
  const hidden = input.people.filter((p) => !p.removedAt && p.anonymous).length;
  if (hidden > 0)
    out.push(
      `${hidden === 1 ? 'One person' : `${hidden} people`} chose not to show their name. They are counted but not named.`,
    );
  for (const r of rounds) {
    if (!r.resultsShown)
      out.push(
        `Round ${r.number} is still open with hidden results, so only how many people voted is shown.`,
      );
  }
  out.push("The summary never includes anyone's access needs, or who wrote which card.");
  out.push(
    'Dates of activity come from what Purple keeps: older edits are merged into one saved copy, so the first activity may be when the workshop was created.',
  );
  return out;
}
