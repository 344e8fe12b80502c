'use client';
/**
 * One section of the board: heading, prompt, an ordered list of cards and "Add a card".
 * Re-renders only when its own list of card ids changes.
 */
import { type DragEvent, memo } from 'react';
import { createCard, newCardId } from '../../lib/board/doc';
import { SECTION_INFO, type Section } from '../../lib/board/sections';
import { Button } from '../ui/Button';
import { useBoard } from './BoardContext';
import { Card } from './Card';
import { addButtonId } from './DeleteCardButton';
import { dropCard, isCardDrag } from './dragAndDrop';
import { LOCAL_ORIGIN } from './localOrigin';

/** Props of `BoardSection`: which section, and its card ids in order. */
export interface BoardSectionProps {
  section: Section;
  ids: readonly string[];
}

/** A section with its cards. Dropping a card on the section (not on a card) puts it last. */
export const BoardSection = memo(function BoardSection({ section, ids }: BoardSectionProps) {
  const board = useBoard();
  const info = SECTION_INFO[section];
  const headingId = `section-${section}`;

  function addCard() {
    const id = newCardId();
    board.focus.request(id, 'text');
    createCard(board.doc, section, '', { id, origin: LOCAL_ORIGIN });
  }

  const drop = board.canWrite
    ? {
        onDragOver: (event: DragEvent<HTMLElement>) => {
          if (isCardDrag(event)) event.preventDefault();
        },
        onDrop: (event: DragEvent<HTMLElement>) => {
          if (!isCardDrag(event)) return;
          event.preventDefault();
          dropCard(board.doc, event, section, null, true);
        },
      }
    : {};

  return (
    <section
      aria-labelledby={headingId}
      data-section={section}
      className="rounded-lg border-2 border-neutral-400 p-3 sm:p-4"
      {...drop}
    >
      <h2 id={headingId} className="font-bold text-2xl">
        {info.title}
      </h2>
      <p className="mt-1 mb-4 max-w-prose">{info.prompt}</p>
      {ids.length === 0 ? (
        <p className="mb-4 italic">No cards yet.</p>
      ) : (
        <ol className="mb-4 grid grid-cols-[repeat(auto-fill,minmax(min(100%,18rem),1fr))] gap-4">
          {ids.map((id, index) => (
            <Card
              key={id}
              id={id}
              section={section}
              index={index}
              isLast={index === ids.length - 1}
            />
          ))}
        </ol>
      )}
      {board.canWrite && (
        <Button
          id={addButtonId(section)}
          aria-label={`Add a card to ${info.title}`}
          onClick={addCard}
        >
          Add a card
        </Button>
      )}
    </section>
  );
});
