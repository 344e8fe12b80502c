/**
 * "What happened to my ideas" (issue 9): a participant's own cards and what became of
 * each, one short block per card, readable on a 390 px phone. Server-rendered from the
 * facade's `impactFor` (the viewer's cards, through the visibility policy); no controls but
 * the way back to the board.
 */
import { SECTION_INFO } from '../../lib/board/sections';
import type { ImpactPageData } from '../../lib/records/impact';
import { Fate } from './FateList';

/** The whole page. */
export function ImpactView({ data }: { data: ImpactPageData }) {
  const { workshop, cards } = data;
  return (
    <article className="mx-auto max-w-2xl space-y-4 px-4 py-6 text-lg">
      <p>
        <a
          href={`/w/${workshop.id}`}
          className="inline-flex min-h-11 items-center font-semibold text-joint-edge underline dark:text-joint-fill"
        >
          Back to the board
        </a>
      </p>
      <h1 className="font-extrabold text-3xl">What happened to my ideas</h1>
      <p>{`In “${workshop.title}”: the cards you wrote or helped to write, and what became of each one.`}</p>
      {cards.length === 0 ? (
        <p className="italic">You have not written any cards in this workshop yet.</p>
      ) : (
        <ol className="space-y-3" data-testid="impact-list">
          {cards.map((card) => (
            <li
              key={card.cardId}
              data-status={card.status}
              className="min-w-0 space-y-2 rounded-lg border-2 border-ink p-3 dark:border-white"
            >
              <p className="text-base">{SECTION_INFO[card.section].title}</p>
              <p className="whitespace-pre-wrap break-words font-semibold">
                {card.text || 'This card is empty.'}
              </p>
              <div className="text-base">
                <Fate impact={card} label="What became of it" />
              </div>
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
