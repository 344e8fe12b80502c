'use client';
/**
 * "Delete card": asks the server, which allows it for the card's creator and facilitators
 * and records who did it, so a facilitator can restore it. Focus moves to a neighbour.
 */
import { useState } from 'react';
import type { Section } from '../../lib/board/sections';
import { addButtonId } from './addButtonId';
import { useBoard } from './BoardContext';
import { readSectionIds } from './sectionIds';

function focusAfterDelete(section: Section, neighbour: string | undefined) {
  requestAnimationFrame(() => {
    const field = neighbour
      ? document.querySelector<HTMLElement>(`[data-card-id="${neighbour}"] [data-focus="text"]`)
      : null;
    (field ?? document.getElementById(addButtonId(section)))?.focus();
  });
}

/** Deleting one card: the action, and the server's answer when it says no. */
export function useDeleteCard(id: string, section: Section) {
  const board = useBoard();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

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
      focusAfterDelete(section, neighbour);
    } else {
      board.ownActions.delete(id);
      setError(ack.message);
    }
  }

  return { remove, busy, error };
}
