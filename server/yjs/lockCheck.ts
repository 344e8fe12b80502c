/**
 * Locks in the update inspection (issue 11, invariant I43): a locked card's text, section
 * and order, and anything in a locked section (its cards, and new cards or cards moved
 * into it), are read-only for everyone the room does not let bypass locks (facilitators).
 */
import * as Y from 'yjs';
import { CARD_KEYS, readCard } from '../../lib/board/doc';
import type { Written } from './inspection';
import type { Placement } from './placement';

/** What is locked in a room now. */
export interface LockSet {
  cards: ReadonlySet<string>;
  sections: ReadonlySet<string>;
}

/** True when nothing is locked. */
export function noLocks(locks: LockSet | undefined): boolean {
  return !locks || (locks.cards.size === 0 && locks.sections.size === 0);
}

/** The first locked thing this update writes to, as a problem, or null. */
export function lockProblem(
  doc: Y.Doc,
  locks: LockSet,
  items: readonly Y.Item[],
  placement: Placement,
  written: Written,
): string | null {
  const touched = new Set(written.out.attributions.keys());
  for (const field of written.fields.keys()) touched.add(field.slice(0, field.indexOf('/')));
  for (const cardId of touched) {
    if (locks.cards.has(cardId)) return `card ${cardId} is locked`;
    const section = readCard(doc, cardId)?.section;
    if (section && locks.sections.has(section)) return `the ${section} section is locked`;
  }
  for (const item of items) {
    if (!(item.content instanceof Y.ContentAny)) continue;
    if (placement.keyOf(item) !== CARD_KEYS.section) continue;
    if (placement.whereIs(item).kind !== 'card') continue;
    const value = item.content.arr[0];
    if (typeof value === 'string' && locks.sections.has(value))
      return `the ${value} section is locked`;
  }
  return null;
}
