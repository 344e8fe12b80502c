/**
 * What became of a card, in words (issue 9, "You said, we did"): shared by the board's
 * "What became of this" line and the participant's impact page, so both say the same.
 */
import type { CardImpact } from '../../lib/records/impact';
import { actionWords, againstSentence, outcomeWords, quote } from './fate';

/** One line when nothing answers it yet or it was closed; else null (use `FateList`). */
export function fateLine(impact: CardImpact): string | null {
  if (impact.status === 'closed') return `Not possible, because ${impact.closure?.reason ?? ''}`;
  if (impact.status === 'open') return 'Nobody has answered this yet.';
  return null;
}

/** The decisions and indicators that answer a card, as a short list. */
export function FateList({ impact }: { impact: CardImpact }) {
  return (
    <ul className="list-disc space-y-1 pl-5">
      {impact.decisions.map((d) => (
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
      {impact.indicators.map((i) => (
        <li key={i.id}>
          {`Measured by the quality indicator: ${quote(i.text)} (${i.adopted ? 'adopted by both groups' : 'not adopted yet'}).`}
          {i.latest && (
            <span className="block">{`Latest reading: ${i.latest.value} on ${i.latest.date}.`}</span>
          )}
        </li>
      ))}
      {impact.closure && impact.status !== 'closed' && (
        <li>{`The facilitator also wrote: not possible, because ${impact.closure.reason}`}</li>
      )}
    </ul>
  );
}

/** The whole "What became of it" answer: one line, or the list. */
export function Fate({ impact, label }: { impact: CardImpact; label: string }) {
  const line = fateLine(impact);
  return (
    <>
      <p>
        <span className="font-bold">{`${label}: `}</span>
        {line}
      </p>
      {line === null && <FateList impact={impact} />}
    </>
  );
}
