/** The results as a table with the same numbers as the chart: a caption and row and column headers. */
import type { CardResult } from '../../lib/voting/types';
import { DIVERGENT_SENTENCE, percent, rankLabel, score } from './voteText';

const TH = 'border-2 border-ink p-2 text-left align-top dark:border-white';
const TD = 'border-2 border-ink p-2 align-top dark:border-white';

/** A scrollable table (it scrolls sideways on a narrow screen; the box can take focus to scroll). */
export function ResultsTable({ cards, id }: { cards: readonly CardResult[]; id: string }) {
  const captionId = `${id}-caption`;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable box must be reachable by keyboard to scroll
    <section aria-labelledby={captionId} tabIndex={0} className="overflow-x-auto">
      <table className="w-full min-w-[40rem] border-collapse text-sm" data-testid="results-table">
        <caption id={captionId} className="mb-2 text-left font-bold text-lg">
          Table: results for each card
        </caption>
        <thead>
          <tr>
            <th scope="col" className={TH}>
              Rank
            </th>
            <th scope="col" className={TH}>
              Card
            </th>
            <th scope="col" className={TH}>
              Lived experience dots (share)
            </th>
            <th scope="col" className={TH}>
              Staff dots (share)
            </th>
            <th scope="col" className={TH}>
              All dots
            </th>
            <th scope="col" className={TH}>
              Balanced score (out of 100)
            </th>
          </tr>
        </thead>
        <tbody>
          {cards.map((card) => (
            <tr key={card.cardId}>
              <td className={TD}>{rankLabel(card)}</td>
              <th scope="row" className={`${TH} font-normal`}>
                <span className="break-words">{card.text}</span>
                {card.divergent && <span className="mt-1 block">{DIVERGENT_SENTENCE}</span>}
              </th>
              <td className={TD}>
                {card.dots.people} ({percent(card.shares.people)})
              </td>
              <td className={TD}>
                {card.dots.system} ({percent(card.shares.system)})
              </td>
              <td className={TD}>{card.total}</td>
              <td className={TD}>{score(card.balancedScore)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
