'use client';
/**
 * "Delete card": asks first ("Delete this card?"), then asks the server, which allows it
 * for the card's creator and facilitators and records who did it. The board then offers
 * Undo (`UndoDelete`), which takes focus and hands it to a neighbour when dismissed.
 */
import { useState } from 'react';
import type { Section } from '../../lib/board/sections';
import { addButtonId } from './addButtonId';
import { useBoard } from './BoardContext';
import { DELETED_EVENT, type DeletedDetail } from './deletedEvent';
import { readSectionIds } from './sectionIds';

/** Focus the neighbour's text after a delete, or the section's "Add a card" when none is left. */
export function focusAfterDelete(section: Section, neighbour: string | undefined) {
  requestAnimationFrame(() => {
    const field = neighbour
      ? document.querySelector<HTMLElement>(`[data-card-id="${neighbour}"] [data-focus="text"]`)
      : null;
    (field ?? document.getElementById(addButtonId(section)))?.focus();
  });
}

/** What `useDeleteCard` gives a card: the question, the action, and the server's refusal. */
export interface CardDeletion {
  /** True while "Delete this card?" is showing. */
  asking: boolean;
  busy: boolean;
  error: string | null;
  /** Show the question (from the "Card actions" menu). */
  ask(): void;
  /** "No, keep it": hide the question; focus returns to the card's actions button. */
  cancel(): void;
  /** "Yes, delete it". */
  remove(): Promise<void>;
}

/** Deleting one card: the question first, then the action, and the server's answer when it says no. */
export function useDeleteCard(id: string, section: Section): CardDeletion {
  const board = useBoard();
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function ask() {
    setError(null);
    setAsking(true);
  }

  function cancel() {
    board.focus.request(id, 'actions');
    setAsking(false);
  }

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
      board.focus.request(id, 'actions');
      setAsking(false);
      setError(ack.message);
    }
  }

  return { asking, busy, error, ask, cancel, remove };
}
