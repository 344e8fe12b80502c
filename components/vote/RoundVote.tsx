'use client';
/**
 * One round on the vote page: its question and deadline, the small-group warning, your
 * dots left (or, for observers, why they cannot vote), the cards, and results when shown.
 */
import type { RoundView } from '../../lib/voting/types';
import type { Workshop } from '../workshop/useWorkshop';
import { DotsLeft } from './DotsLeft';
import { ResultsView } from './ResultsView';
import { RoundHeader } from './RoundHeader';
import { SmallGroupWarning } from './SmallGroupWarning';
import { smallGroups } from './smallGroups';
import { useCastFlow } from './useCastFlow';
import { useCurrentWording } from './useCurrentWording';
import { VoteList } from './VoteList';
import { resultsVisible } from './votingState';
import { WordingNote } from './WordingNote';

/** Props of `RoundVote`. */
export interface RoundVoteProps {
  round: RoundView;
  live: Workshop;
  /** False for observers, and for anyone whose access ended. */
  mayVote: boolean;
  observer: boolean;
  announce(message: string): void;
}

/** A round, ready to vote in. */
export function RoundVote({ round, live, mayVote, observer, announce }: RoundVoteProps) {
  const mine = live.voting.mine.get(round.id);
  const results = live.voting.results.get(round.id);
  const flow = useCastFlow(round, mine, live.castBallot, announce);
  const wording = useCurrentWording(round.id, live.roundWording);
  const open = round.status === 'open';
  const canVote = open && mayVote;
  const small = smallGroups(round.eligible, live.presence);
  const resultsView =
    results && resultsVisible(round) ? (
      <ResultsView results={results} live={open} />
    ) : (
      !open && <p>The results are on their way.</p>
    );
  return (
    <div className="space-y-5">
      <RoundHeader round={round} />
      {open && <SmallGroupWarning groups={small} />}
      {observer && (
        <p className="rounded-md border-2 border-neutral-500 p-3 font-semibold">
          You are an observer. You can see the cards, but you cannot vote.
        </p>
      )}
      {canVote && (
        <DotsLeft
          left={mine?.dotsLeft ?? round.budget}
          budget={round.budget}
          perCardCap={round.perCardCap}
        />
      )}
      {!open && resultsView}
      <section aria-labelledby="cards-heading" className="space-y-3">
        <h2 id="cards-heading" className="font-bold text-xl">
          {open ? 'The cards' : 'The cards people voted on'}
        </h2>
        {round.candidates.length > 0 && <WordingNote wording={wording} />}
        <VoteList
          round={round}
          mine={mine}
          canVote={canVote}
          showMine={mayVote}
          flow={flow}
          current={wording.current}
        />
      </section>
      {open && resultsView}
    </div>
  );
}
