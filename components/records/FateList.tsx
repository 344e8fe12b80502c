/**
 * What became of a card, in words (issue 9, "You said, we did"): shared by the board's
 * "What became of this" line and the participant's impact page, so both say the same.
 */
import { actionWords, againstSentence, type Fate, outcomeWords, quote } from './fate';

/** One line when nothing answers it yet or it was closed; else null. */
export function fateLine(fate: Fate): string | null {
  if (fate.closedBecause !== null) return `Not possible, because ${fate.closedBecause}`;
  if (fate.open) return 'Nobody has answered this yet.';
  return null;
}

/** The decisions and indicators that answer a card, as a short list. */
export function FateList({ fate }: { fate: Fate }) {
  return (
    <ul className="list-disc space-y-1 pl-5">
      {fate.decisions.map((d) => (
        <li key={d.id}>
          {`Decision: ${quote(d.text)} — ${outcomeWords(d.outcome)}.`}
          {d.outcome?.againstLived && <span className="block">{againstSentence(d.outcome)}</span>}
          {d.actions.length > 0 && (
            <ul className="list-[circle] pl-5">
              {d.actions.map((a) => (
                <li key={a.id}>{`Action: ${actionWords(a)}`}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
      {fate.indicators.map((i) => (
        <li key={i.id}>{`Measured by the quality indicator: ${quote(i.text)}`}</li>
      ))}
    </ul>
  );
}
