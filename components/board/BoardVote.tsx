'use client';
/**
 * Voting on the board itself: the open round's cards with their dot buttons, inside a
 * disclosure under the "Voting is open" banner (the same list as the vote page); once a
 * round has closed, its results beside each card when chosen, with the cards in balanced
 * rank order (issue 13). Also announces round notices and feeds each card's vote line.
 */
import { useEffect, useState } from 'react';
import { RoundVote } from '../vote/RoundVote';
import { useNoticeAnnouncement } from '../vote/useNoticeAnnouncement';
import { currentRound } from '../vote/votingState';
import type { Workshop } from '../workshop/useWorkshop';
import { BoardResults } from './BoardResults';
import { cardVoteStore } from './cardVoteStore';

/** Props of `BoardVote`. */
export interface BoardVoteProps {
  live: Workshop;
  mayVote: boolean;
  /** Why the agenda's step keeps voting closed for you (issue 11; `VotingBanner` says it), or null. */
  votingClosed?: string | null;
  announce(message: string): void;
}

/** The open round to vote in, and the latest closed round's results on the board. */
export function BoardVote({ live, mayVote, votingClosed = null, announce }: BoardVoteProps) {
  const { rounds, results, notice } = live.voting;
  const round = currentRound(rounds);
  const closed = rounds?.find((r) => r.status === 'closed') ?? null;
  const got = closed ? results.get(closed.id) : undefined;
  // A round nobody voted in has no ranking to show beside the cards (the vote page says so).
  const closedResults = got?.basis === 'none' ? undefined : got;
  const [showOnBoard, setShowOnBoard] = useState(false);
  const addCardToRound = live.addCardToRound;
  useNoticeAnnouncement(notice, announce);

  useEffect(() => {
    cardVoteStore.set({
      open: votingClosed ? [] : (rounds?.filter((r) => r.status === 'open') ?? []),
      shown:
        showOnBoard && closed && closedResults ? { round: closed, results: closedResults } : null,
      addCardToRound,
    });
  }, [rounds, closed, closedResults, showOnBoard, addCardToRound, votingClosed]);

  return (
    <>
      {round?.status === 'open' && mayVote && !votingClosed && (
        <details className="rounded-lg border-4 border-joint-edge p-3 dark:border-joint-fill">
          <summary className="min-h-11 cursor-pointer content-center font-bold text-lg">
            Vote here on the board
          </summary>
          <div className="mt-3">
            <RoundVote round={round} live={live} mayVote observer={false} announce={announce} />
          </div>
        </details>
      )}
      {closed && closedResults && (
        <BoardResults
          round={closed}
          results={closedResults}
          shown={showOnBoard}
          setShown={setShowOnBoard}
        />
      )}
    </>
  );
}
