'use client';
/**
 * Voting on the board itself: the open round's cards with their dot buttons, inside a
 * disclosure under the "Voting is open" banner. The same list as the vote page.
 */
import { RoundVote } from '../vote/RoundVote';
import { currentRound } from '../vote/votingState';
import type { Workshop } from '../workshop/useWorkshop';

/** Props of `BoardVote`. */
export interface BoardVoteProps {
  live: Workshop;
  mayVote: boolean;
  announce(message: string): void;
}

/** Nothing unless a round is open and this person may vote. */
export function BoardVote({ live, mayVote, announce }: BoardVoteProps) {
  const round = currentRound(live.voting.rounds);
  if (round?.status !== 'open' || !mayVote) return null;
  return (
    <details className="rounded-lg border-4 border-joint-edge p-3 dark:border-joint-fill">
      <summary className="min-h-11 cursor-pointer content-center font-bold text-lg">
        Vote here on the board
      </summary>
      <div className="mt-3">
        <RoundVote round={round} live={live} mayVote observer={false} announce={announce} />
      </div>
    </details>
  );
}
