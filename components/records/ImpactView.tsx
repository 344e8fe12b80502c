/**
 * "What happened to my ideas" (issue 9): a participant's own cards and what became of
 * each, one short block per card, readable on a 390 px phone and in print. Server-rendered
 * from what the visibility policy lets this viewer see; no controls but the way back.
 */
import { SECTION_INFO, type Section } from '../../lib/board/sections';
import { FateList, fateLine } from './FateList';
import type { Fate } from './fate';

/** One of the viewer's cards and what became of it. */
export interface ImpactCard {
  id: string;
  section: Section;
  text: string;
  /** True when others wrote in it too. */
  coWritten: boolean;
  fate: Fate;
}

/** What the impact page shows. */
export interface ImpactData {
  workshop: { id: string; title: string };
  cards: ImpactCard[];
}

/** The whole page. */
export function ImpactView({ data }: { data: ImpactData }) {
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
      <p>{`In “${workshop.title}”. These are the cards you wrote or helped to write, and what became of each one.`}</p>
      {cards.length === 0 ? (
        <p className="italic">You have not written any cards in this workshop yet.</p>
      ) : (
        <ol className="space-y-3" data-testid="impact-list">
          {cards.map((card) => {
            const line = fateLine(card.fate);
            return (
              <li
                key={card.id}
                className="min-w-0 space-y-2 rounded-lg border-2 border-ink p-3 dark:border-white"
              >
                <p className="text-base">
                  {`${SECTION_INFO[card.section].title} · ${card.coWritten ? 'You wrote this with others' : 'You wrote this'}`}
                </p>
                <p className="whitespace-pre-wrap break-words font-semibold">
                  {card.text || 'This card is empty.'}
                </p>
                <div className="text-base">
                  <p>
                    <span className="font-bold">What became of it: </span>
                    {line ?? ''}
                  </p>
                  {line === null && <FateList fate={card.fate} />}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </article>
  );
}
