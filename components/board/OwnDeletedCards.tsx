'use client';
/**
 * "Cards you deleted" in the board's side panel (issue 13): the cards whose latest deletion
 * was yours, each with "Restore", for as long as you like after Undo has gone. Hidden when
 * there are none. The server sends only your own (`deleted:mine`).
 */
import type { OwnDeletedCard as Item } from '../../lib/protocol/events';
import { OwnDeletedCard } from './OwnDeletedCard';

/** Props of `OwnDeletedCards`. */
export interface OwnDeletedCardsProps {
  cards: readonly Item[];
  announce(sentence: string): void;
}

/** The list of your own deleted cards, or nothing when there are none. */
export function OwnDeletedCards({ cards, announce }: OwnDeletedCardsProps) {
  if (cards.length === 0) return null;
  return (
    <section aria-labelledby="own-deleted-heading">
      <h2 id="own-deleted-heading" className="font-bold text-xl">
        Cards you deleted
      </h2>
      <ul>
        {cards.map((c) => (
          <OwnDeletedCard key={c.cardId} cardId={c.cardId} announce={announce} />
        ))}
      </ul>
    </section>
  );
}
