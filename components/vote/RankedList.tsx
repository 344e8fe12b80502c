/** The joint ranking by balanced score; cards with equal scores share a rank and say "Tied". */
import type { CardResult } from '../../lib/voting/types';
import { divergenceSentence, rankLabel, score } from './voteText';

/** The ranked list, top first. */
export function RankedList({ cards }: { cards: readonly CardResult[] }) {
  return (
    <ol className="space-y-2" data-testid="ranked-list">
      {cards.map((card) => (
        <li
          key={card.cardId}
          data-rank={card.rank}
          className="rounded-md border-2 border-joint-edge p-2 dark:border-joint-fill"
        >
          <p className="break-words">
            <span className="font-bold">{rankLabel(card)}:</span> {card.text}
          </p>
          <p className="text-sm">
            Balanced score {score(card.balancedScore)} out of 100. {card.total} dots in all.
          </p>
          {card.divergent && <p className="font-semibold text-sm">⚠ {divergenceSentence(card)}</p>}
        </li>
      ))}
    </ol>
  );
}
