'use client';
/**
 * "You deleted a card. Undo" (issue 13). After you delete a card, focus moves to Undo, so
 * keyboard and screen reader users can reach it at once. "OK" (or Escape) dismisses it and
 * focus goes to the deleted card's neighbour; Undo asks the server, which lets a person
 * restore their own deletion, and focus returns to the card's text. Left alone with focus
 * elsewhere, it goes after `UNDO_MS`.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from '../ui/Button';
import { useBoard } from './BoardContext';
import { DELETED_EVENT, type DeletedDetail } from './deletedEvent';
import { focusAfterDelete } from './useDeleteCard';

/** How long Undo stays offered once focus has left it. */
export const UNDO_MS = 10_000;

/** The Undo bar of the board, announcing through `announce`. */
export function UndoDelete({ announce }: { announce: (sentence: string) => void }) {
  const board = useBoard();
  const [deleted, setDeleted] = useState<DeletedDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const bar = useRef<HTMLDivElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const textId = 'undo-delete-text';

  const leaveIn = useCallback((ms: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setDeleted(null), ms);
  }, []);

  useEffect(() => {
    const onDeleted = (e: Event) => {
      setDeleted((e as CustomEvent<DeletedDetail>).detail);
      setError(null);
      clearTimeout(timer.current);
    };
    window.addEventListener(DELETED_EVENT, onDeleted);
    return () => {
      window.removeEventListener(DELETED_EVENT, onDeleted);
      clearTimeout(timer.current);
    };
  }, []);

  useEffect(() => {
    if (deleted) bar.current?.querySelector('button')?.focus();
  }, [deleted]);

  function dismiss() {
    if (deleted) focusAfterDelete(deleted.section, deleted.neighbour);
    setDeleted(null);
  }

  async function undo() {
    if (!deleted) return;
    board.ownActions.add(deleted.cardId);
    const ack = await board.restoreCard(deleted.cardId);
    if (!ack.ok) return setError(ack.message);
    board.focus.requestNow(deleted.cardId, 'text');
    announce('Card restored.');
    setDeleted(null);
  }

  if (!deleted) return null;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape and focus-out only dismiss it
    <div
      ref={bar}
      className="fixed inset-x-0 bottom-4 z-10 mx-auto flex w-fit max-w-[95vw] flex-wrap items-center gap-3 rounded-lg border-4 border-ink bg-white p-3 text-ink shadow-lg"
      onKeyDown={(e) => e.key === 'Escape' && dismiss()}
      onFocus={() => clearTimeout(timer.current)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) leaveIn(UNDO_MS);
      }}
    >
      <span id={textId} className="font-semibold">
        You deleted a card.
      </span>
      <Button small aria-describedby={textId} onClick={undo}>
        Undo
      </Button>
      <Button small variant="secondary" onClick={dismiss}>
        OK
      </Button>
      {error && <span className="font-semibold">{error}</span>}
    </div>
  );
}
