'use client';
/** One card in "Cards you deleted": its text, its section and "Restore". */
import { useState } from 'react';
import { readCard } from '../../lib/board/doc';
import { SECTION_INFO } from '../../lib/board/sections';
import { Button } from '../ui/Button';
import { useBoard } from './BoardContext';
import { useCardVersion } from './useCardVersion';

/** Props of `OwnDeletedCard`. */
export interface OwnDeletedCardProps {
  cardId: string;
  announce(sentence: string): void;
}

/** A card you deleted; "Restore" brings it back, moves focus to its text and says so. */
export function OwnDeletedCard({ cardId, announce }: OwnDeletedCardProps) {
  const board = useBoard();
  useCardVersion(board.doc, cardId);
  const [error, setError] = useState<string | null>(null);
  const card = readCard(board.doc, cardId);
  const text = card?.text.trim() ? card.text : 'An empty card';
  const textId = `own-deleted-${cardId}`;

  async function restore() {
    setError(null);
    board.ownActions.add(cardId);
    const ack = await board.restoreCard(cardId);
    if (!ack.ok) return setError(ack.message);
    board.focus.requestNow(cardId, 'text');
    announce('Card restored.');
  }

  return (
    <li data-deleted-card-id={cardId} className="border-neutral-400 border-t-2 py-3">
      <p id={textId} className="line-clamp-3 whitespace-pre-wrap break-words font-semibold">
        {text}
      </p>
      {card && <p className="text-sm">From {SECTION_INFO[card.section].title}.</p>}
      <Button
        small
        variant="secondary"
        className="mt-2"
        aria-describedby={textId}
        onClick={restore}
      >
        Restore
      </Button>
      {error && (
        <p role="alert" className="mt-2 font-semibold">
          {error}
        </p>
      )}
    </li>
  );
}
