'use client';
/**
 * The latest closed vote's results on the board (issue 13): a button to show each card's
 * rank and dots per group beside it, and the cards in balanced rank order, each a link to
 * its card. The sections keep their own order; this list is the ranked view.
 */
import type { RoundResults, RoundView } from '../../lib/voting/types';
import { Button } from '../ui/Button';
import { rankLabel, sectionTitle, shortText } from '../vote/voteText';

/** Props of `BoardResults`. */
export interface BoardResultsProps {
  round: RoundView;
  results: RoundResults;
  shown: boolean;
  setShown(shown: boolean): void;
}

/** The toggle, and when on, the ranked list. */
export function BoardResults({ round, results, shown, setShown }: BoardResultsProps) {
  return (
    <section
      aria-labelledby="board-results-heading"
      className="space-y-2 rounded-lg border-4 border-joint-edge p-3 dark:border-joint-fill"
      data-testid="board-results"
    >
      <h2 id="board-results-heading" className="font-bold text-lg">
        Results on the board: {sectionTitle(round.section)}
      </h2>
      <Button
        variant="secondary"
        aria-pressed={shown}
        onClick={() => setShown(!shown)}
        data-testid="show-results-on-board"
      >
        {shown ? 'Hide the results beside each card' : 'Show the results beside each card'}
      </Button>
      {shown && (
        <>
          <p>
            Each card in {sectionTitle(round.section)} now shows its rank and each group’s dots.
            Here they are in balanced rank order:
          </p>
          <ol className="space-y-1" data-testid="board-ranked-list">
            {results.cards.map((card) => (
              <li key={card.cardId}>
                <a href={`#card-result-${card.cardId}`} className="font-semibold">
                  {rankLabel(card)}: {shortText(card.text, 80)}
                </a>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
