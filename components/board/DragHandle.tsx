'use client';
/** The grip a pointer user drags a card by. Hidden from assistive tech: the move buttons do the same. */
import { CARD_DRAG_TYPE } from './dragAndDrop';

/** A draggable grip for one card. */
export function DragHandle({ cardId }: { cardId: string }) {
  return (
    <span
      draggable
      aria-hidden="true"
      title="Drag to move this card"
      onDragStart={(event) => {
        event.dataTransfer.setData(CARD_DRAG_TYPE, cardId);
        event.dataTransfer.effectAllowed = 'move';
        const card = event.currentTarget.closest('li');
        if (card) event.dataTransfer.setDragImage(card, 16, 16);
      }}
      className="ml-auto hidden min-h-7 min-w-8 cursor-grab items-center justify-center rounded-md border-2 border-ink/50 bg-white/70 text-ink active:cursor-grabbing sm:inline-flex"
    >
      <svg
        viewBox="0 0 24 24"
        width="20"
        height="20"
        fill="currentColor"
        aria-hidden="true"
        focusable="false"
      >
        <circle cx="9" cy="6" r="1.6" />
        <circle cx="15" cy="6" r="1.6" />
        <circle cx="9" cy="12" r="1.6" />
        <circle cx="15" cy="12" r="1.6" />
        <circle cx="9" cy="18" r="1.6" />
        <circle cx="15" cy="18" r="1.6" />
      </svg>
    </span>
  );
}
