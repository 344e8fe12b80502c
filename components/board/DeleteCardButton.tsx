'use client';
/**
 * "Delete card": asks first ("Delete this card?"), then asks the server, which allows it
 * for the card's creator and facilitators and records who did it. The board then offers
 * Undo (`UndoDelete`), which takes focus and hands it to a neighbour when dismissed.
 */
import { useEffect, useRef, useState } from 'react';
import type { Section } from '../../lib/board/sections';
import { Button } from '../ui/Button';
import { useBoard } from './BoardContext';
import { DELETED_EVENT, type DeletedDetail } from './deletedEvent';
import { readSectionIds } from './sectionIds';

/** The id of a section's "Add a card" button, where focus goes when its last card is deleted. */
export function addButtonId(section: Section): string {
  return `add-card-${section}`;
}

/** Focus the neighbour's text after a delete, or the section's "Add a card" when none is left. */
export function focusAfterDelete(section: Section, neighbour: string | undefined) {
  requestAnimationFrame(() => {
    const field = neighbour
      ? document.querySelector<HTMLElement>(`[data-card-id="${neighbour}"] [data-focus="text"]`)
      : null;
    (field ?? document.getElementById(addButtonId(section)))?.focus();
  });
}

/** The delete button of one card, its confirmation, and the server's answer when it says no. */
export function DeleteCardButton({ id, section }: { id: string; section: Section }) {
  const board = useBoard();
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const keepRef = useRef<HTMLSpanElement>(null);
  const deleteRef = useRef<HTMLSpanElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    const target = asking ? keepRef : wasAsking.current ? deleteRef : null;
    target?.current?.querySelector('button')?.focus();
    wasAsking.current = asking;
  }, [asking]);

  async function remove() {
    if (busy) return;
    const ids = readSectionIds(board.doc)[section];
    const at = ids.indexOf(id);
    const neighbour = ids[at + 1] ?? ids[at - 1];
    setBusy(true);
    setError(null);
    board.ownActions.add(id);
    const ack = await board.deleteCard(id);
    setBusy(false);
    if (ack.ok) {
      // UndoDelete takes focus, and gives it to the neighbour when it is dismissed.
      const detail: DeletedDetail = { cardId: id, section, neighbour };
      window.dispatchEvent(new CustomEvent(DELETED_EVENT, { detail }));
    } else {
      board.ownActions.delete(id);
      setAsking(false);
      setError(ack.message);
    }
  }

  return (
    <>
      {asking ? (
        <span className="flex flex-wrap items-center gap-2">
          <span className="font-semibold">Delete this card?</span>
          <Button small variant="danger" aria-disabled={busy || undefined} onClick={remove}>
            Yes, delete it
          </Button>
          <span ref={keepRef} className="contents">
            <Button small variant="secondary" onClick={() => setAsking(false)}>
              No, keep it
            </Button>
          </span>
        </span>
      ) : (
        <span ref={deleteRef} className="contents">
          <Button small variant="danger" onClick={() => setAsking(true)}>
            Delete card
          </Button>
        </span>
      )}
      {error && (
        <p
          role="alert"
          className="w-full rounded-md border-2 border-danger bg-white px-2 py-1 font-semibold text-ink text-sm"
        >
          {error}
        </p>
      )}
    </>
  );
}
