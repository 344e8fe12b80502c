/**
 * Every vote of the workshop, newest first, each a link to its own results (issue 13: an
 * earlier round's results stay reachable after a newer one opens). Used on the vote page
 * and on the board.
 */
import type { RoundView } from '../../lib/voting/types';
import { roundName, roundState } from './voteText';

/** Props of `RoundsList`. */
export interface RoundsListProps {
  /** Newest first, as the server sends them. */
  rounds: readonly RoundView[];
  /** Where each round's link goes, e.g. `#round-<id>` or `/w/<w>/vote#round-<id>`. */
  hrefFor(roundId: string): string;
  /** The round shown now, marked as current. */
  selectedId?: string | null;
  headingId: string;
  /** Heading level: 2 on the vote page, 3 in the board's side panel. */
  level?: 2 | 3;
}

/** A list of links, one per round; nothing when there are none. */
export function RoundsList({ rounds, hrefFor, selectedId, headingId, level = 2 }: RoundsListProps) {
  if (rounds.length === 0) return null;
  const H = `h${level}` as 'h2';
  return (
    <nav aria-labelledby={headingId} data-testid="rounds-list">
      <H id={headingId} className="font-bold text-xl">
        All votes, newest first
      </H>
      <ol className="mt-2 space-y-1">
        {rounds.map((round, i) => (
          <li key={round.id}>
            <a
              href={hrefFor(round.id)}
              aria-current={round.id === selectedId ? 'true' : undefined}
              className="inline-flex min-h-11 items-center font-semibold aria-[current]:font-extrabold"
            >
              {roundName(round, rounds.length - i)}
            </a>{' '}
            <span>({roundState(round)})</span>
            {round.id === selectedId && <span className="font-semibold"> · showing now</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
