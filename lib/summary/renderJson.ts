/** The summary as JSON (issue 10): the model, checked against `summarySchema` first. */
import { type SummaryModel, summarySchema } from './schema';

/** Render the summary as pretty-printed JSON; throws if the model breaks its own schema. */
export function renderJson(m: SummaryModel): string {
  return `${JSON.stringify(summarySchema.parse(m), null, 2)}\n`;
}
