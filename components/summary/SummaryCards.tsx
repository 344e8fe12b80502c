/** A list of summarised cards: text, colour in words with its icon, agreement and vote. */
import type { SummaryCard, SummaryVote } from '../../lib/summary/schema';
import { agreementWords, DIVERGENT_WORDS, voteFigureWords } from '../../lib/summary/words';
import { cn } from '../ui/cn';
import { GroupBadge } from '../ui/GroupBadge';

const EDGE = {
  people: 'border-people-edge',
  system: 'border-system-edge',
  joint: 'border-joint-edge',
} as const;

/**
 * The cards, or a note when there are none; `details` adds a record's lines (decisions,
 * indicators), and `standsOut` picks lines shown in bold (a decision that goes against what
 * people with lived experience asked for).
 */
export function SummaryCards<C extends SummaryCard & { vote?: SummaryVote }>({
  cards,
  empty,
  details,
  standsOut = () => false,
}: {
  cards: C[];
  empty: string;
  details?: (c: C) => string[];
  standsOut?: (line: string) => boolean;
}) {
  if (cards.length === 0) return <p className="italic">{empty}</p>;
  return (
    <ol className="space-y-4">
      {cards.map((c) => (
        <li
          key={c.cardId}
          className={cn('break-inside-avoid rounded-md border-2 border-l-8 p-3', EDGE[c.colour])}
        >
          <p className="whitespace-pre-wrap text-lg">{c.text}</p>
          <p className="mt-2 flex flex-wrap items-center gap-2">
            <GroupBadge group={c.colour} />
            <span>{agreementWords(c)}.</span>
          </p>
          {c.vote && (
            <p className="mt-1">
              {voteFigureWords(c.vote)}
              {c.vote.divergent && <strong className="ml-1">{DIVERGENT_WORDS}</strong>}
            </p>
          )}
          {details && (
            <ul className="mt-2 list-disc space-y-1 pl-6">
              {details(c).map((line) => (
                <li key={line}>{standsOut(line) ? <strong>{line}</strong> : line}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
