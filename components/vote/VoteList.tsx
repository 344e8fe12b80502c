'use client';
/** The round's candidate cards as a list, each with your dots and − / + buttons. */
import type { RoundView } from '../../lib/voting/types';
import type { CastFlow } from './useCastFlow';
import type { CurrentWording } from './useCurrentWording';
import { VoteItem } from './VoteItem';
import { dotsOn, type MyBallots } from './votingState';

/** Props of `VoteList`. */
export interface VoteListProps {
  round: RoundView;
  mine: MyBallots | undefined;
  canVote: boolean;
  /** The person has dots of their own (not an observer). */
  showMine: boolean;
  flow: CastFlow;
  /** How the cards read on the board now, once asked for; null until then. */
  current?: CurrentWording | null;
}

/** The candidate cards of one round. */
export function VoteList({ round, mine, canVote, showMine, flow, current }: VoteListProps) {
  const left = mine?.dotsLeft ?? round.budget;
  if (round.candidates.length === 0) {
    return <p>There were no cards in this section when voting opened.</p>;
  }
  return (
    <ul aria-label="Cards to vote on" className="space-y-3" data-testid="vote-list">
      {round.candidates.map((card) => (
        <VoteItem
          key={card.cardId}
          card={card}
          dots={dotsOn(mine, card.cardId)}
          perCardCap={round.perCardCap}
          dotsLeft={left}
          canVote={canVote}
          showMine={showMine}
          pending={flow.pending.has(card.cardId)}
          message={flow.message?.cardId === card.cardId ? flow.message : null}
          onChange={(delta) => void flow.change(card, delta)}
          currentText={current ? (current.get(card.cardId) ?? null) : undefined}
        />
      ))}
    </ul>
  );
}
