/** The results as a chart: for each card, one bar per group showing its share of that group's dots. */
import type { CardResult } from '../../lib/voting/types';
import { ShareBar } from './ShareBar';
import { divergenceSentence, rankLabel } from './voteText';

/** A bar chart in HTML and CSS, in rank order; the table below has the same numbers. */
export function ResultsChart({ cards, id }: { cards: readonly CardResult[]; id: string }) {
  return (
    <figure aria-labelledby={`${id}-chart`} className="space-y-2">
      <figcaption id={`${id}-chart`} className="font-bold text-lg">
        Chart: how each group shared out its dots
      </figcaption>
      <ol className="space-y-4" data-testid="results-chart">
        {cards.map((card) => (
          <li key={card.cardId} className="space-y-1">
            <p className="break-words">
              <span className="font-bold">{rankLabel(card)}:</span> {card.text}
            </p>
            <ShareBar group="people" share={card.shares.people} dots={card.dots.people} />
            <ShareBar group="system" share={card.shares.system} dots={card.dots.system} />
            {card.divergent && <p className="font-semibold">⚠ {divergenceSentence(card)}</p>}
          </li>
        ))}
      </ol>
    </figure>
  );
}
