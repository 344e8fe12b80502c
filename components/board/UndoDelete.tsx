'use client';
/**
 * "You deleted a card. Undo" (issue 13): shown for `UNDO_MS` after you delete a card, and
 * kept while it has focus or the pointer. Undo asks the server, which lets a person
 * restore their own deletion; focus then returns to the card's text.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from '../ui/Button';
import { useBoard } from './BoardContext';

/** The window event `DeleteCardButton` sends after a successful delete. */
export const DELETED_EVENT = 'purple:card-deleted';
/** How long Undo stays offered when nobody is using it. */
export const UNDO_MS = 10_000;

/** The Undo bar of the board, announcing through `announce`. */
export function UndoDelete({ announce }: { announce: (sentence: string) => void }) {
  const board = useBoard();
  const [cardId, setCardId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const held = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const arm = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (!held.current) setCardId(null);
    }, UNDO_MS);
  }, []);

  useEffect(() => {
    const onDeleted = (e: Event) => {
      setCardId((e as CustomEvent<{ cardId: string }>).detail.cardId);
      setError(null);
      announce('Card deleted. You can undo this for a few seconds.');
      arm();
    };
    window.addEventListener(DELETED_EVENT, onDeleted);
    return () => {
      window.removeEventListener(DELETED_EVENT, onDeleted);
      clearTimeout(timer.current);
    };
  }, [announce, arm]);

  async function undo() {
    if (!cardId) return;
    board.ownActions.add(cardId);
    const ack = await board.restoreCard(cardId);
    if (!ack.ok) return setError(ack.message);
    board.focus.request(cardId, 'text');
    announce('Card restored.');
    setCardId(null);
  }

  const hold = (on: boolean) => () => {
    held.current = on;
    if (!on) arm();
  };
  if (!cardId) return null;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: pausing the timer while in use, not an action
    <div
      className="fixed inset-x-0 bottom-4 z-10 mx-auto flex w-fit max-w-[95vw] flex-wrap items-center gap-3 rounded-lg border-4 border-ink bg-white p-3 text-ink shadow-lg"
      onFocus={hold(true)}
      onBlur={hold(false)}
      onPointerEnter={hold(true)}
      onPointerLeave={hold(false)}
    >
      <span className="font-semibold">You deleted a card.</span>
      <Button small onClick={undo}>
        Undo
      </Button>
      {error && <span className="font-semibold">{error}</span>}
    </div>
  );
}
