'use client';
/**
 * Drag and drop of cards with the HTML5 API. It is only a shortcut: every move can also be
 * made with the "Move up", "Move down" and "Move to" controls (ACCESSIBILITY.md).
 */
import type { DragEvent } from 'react';
import type * as Y from 'yjs';
import { moveCard } from '../../lib/board/doc';
import type { Section } from '../../lib/board/sections';
import { LOCAL_ORIGIN } from './localOrigin';
import { readSectionIds } from './sectionIds';

/** The drag data type that carries a card id. */
export const CARD_DRAG_TYPE = 'application/x-purple-card';

/** True when the drag carries a card. */
export function isCardDrag(event: DragEvent): boolean {
  return event.dataTransfer.types.includes(CARD_DRAG_TYPE);
}

/** Where a dropped card lands among the section's other cards. Pure. */
export function dropIndex(
  ids: readonly string[],
  movingId: string,
  targetId: string | null,
  after: boolean,
): number {
  const others = ids.filter((id) => id !== movingId);
  if (targetId === null) return others.length;
  const at = others.indexOf(targetId);
  if (at < 0) return others.length;
  return at + (after ? 1 : 0);
}

/** Move the dragged card next to `targetId` (or to the end when null). Returns its id. */
export function dropCard(
  doc: Y.Doc,
  event: DragEvent,
  section: Section,
  targetId: string | null,
  after: boolean,
): string | null {
  const movingId = event.dataTransfer.getData(CARD_DRAG_TYPE);
  if (!movingId || movingId === targetId) return null;
  const ids = readSectionIds(doc)[section];
  moveCard(doc, movingId, section, dropIndex(ids, movingId, targetId, after), LOCAL_ORIGIN);
  return movingId;
}

/** True when the pointer is over the lower half of the element (drop after it). */
export function isLowerHalf(event: DragEvent<HTMLElement>): boolean {
  const box = event.currentTarget.getBoundingClientRect();
  return event.clientY > box.top + box.height / 2;
}
