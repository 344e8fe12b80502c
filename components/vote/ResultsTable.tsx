/**
 * The results with the same numbers as the chart. Where there is room (36 rem, measured on
 * the space it has, not the screen, so the facilitator's side panel counts as narrow) it
 * is a table with a caption and row and column headers; when narrower (down to 320 px)
 * each card is stacked as its own small list, so no column is hidden off to the side.
 */
import type { CardResult } from '../../lib/voting/types';
import { percent, rankLabel, score } from './voteText';

const TH = 'border-2 border-ink p-2 text-left align-top dark:border-white';
const TD = 'border-2 border-ink p-2 align-top dark:border-white';

const LABELS = [
  'Rank',
  'Lived experience dots (share)',
  'Staff dots (share)',
  'All dots',
  'Balanced score (out of 100)',
] as const;

/** The numbers of one card with their labels, in the table's column order. */
function figures(card: CardResult): [string, string][] {
  const values = [
    rankLabel(card),
    `${card.dots.people} (${percent(card.shares.people)})`,
    `${card.dots.system} (${percent(card.shares.system)})`,
    String(card.total),
    score(card.balancedScore),
  ];
  return LABELS.map((label, i) => [label, values[i] ?? '']);
}

/** The table on wide screens and stacked cards on narrow ones. */
export function ResultsTable({ cards, id }: { cards: readonly CardResult[]; id: string }) {
  const captionId = `${id}-caption`;
  return (
    <div className="@container">
      <section aria-labelledby={`${id}-stack`} className="@xl:hidden" data-testid="results-stack">
        <p id={`${id}-stack`} className="mb-2 font-bold text-lg">
          Results for each card
        </p>
        <ol className="space-y-3">
          {cards.map((card) => (
            <li key={card.cardId} className="rounded-md border-2 border-ink p-2 dark:border-white">
              <p className="break-words font-semibold">{card.text}</p>
              {card.divergent && <p>Seen differently.</p>}
              <dl className="mt-1 grid grid-cols-[1fr_auto] gap-x-3">
                {figures(card).map(([label, value]) => (
                  <div key={label} className="contents">
                    <dt>{label}</dt>
                    <dd className="text-right font-semibold">{value}</dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby={captionId} className="@xl:block hidden">
        <table className="w-full border-collapse text-sm" data-testid="results-table">
          <caption id={captionId} className="mb-2 text-left font-bold text-lg">
            Table: results for each card
          </caption>
          <thead>
            <tr>
              <th scope="col" className={TH}>
                Card
              </th>
              {LABELS.map((label) => (
                <th key={label} scope="col" className={TH}>
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cards.map((card) => (
              <tr key={card.cardId}>
                <th scope="row" className={`${TH} font-normal`}>
                  <span className="break-words">{card.text}</span>
                  {card.divergent && <span className="mt-1 block">Seen differently.</span>}
                </th>
                {figures(card).map(([label, value]) => (
                  <td key={label} className={TD}>
                    {value}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
