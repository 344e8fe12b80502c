'use client';
/** Drop handlers that let a dragged card land before or after this one. */
import type { DragEvent } from 'react';
import type { Section } from '../../lib/board/sections';
import { useBoard } from './BoardContext';
import { dropCard, isCardDrag, isLowerHalf } from './dragAndDrop';

const MARK = 'outline-dashed';

/** `onDragOver`, `onDragLeave` and `onDrop` for a card's list item. */
export function useCardDrop(id: string, section: Section) {
  const { doc } = useBoard();
  return {
    onDragOver(event: DragEvent<HTMLLIElement>) {
      if (!isCardDrag(event)) return;
      event.preventDefault();
      event.stopPropagation();
      event.dataTransfer.dropEffect = 'move';
      event.currentTarget.classList.add(MARK, 'outline-4', 'outline-ink');
    },
    onDragLeave(event: DragEvent<HTMLLIElement>) {
      event.currentTarget.classList.remove(MARK, 'outline-4', 'outline-ink');
    },
    onDrop(event: DragEvent<HTMLLIElement>) {
      if (!isCardDrag(event)) return;
      event.preventDefault();
      event.stopPropagation();
      event.currentTarget.classList.remove(MARK, 'outline-4', 'outline-ink');
      dropCard(doc, event, section, id, isLowerHalf(event));
    },
  };
}
