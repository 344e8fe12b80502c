/**
 * Which live cards each section holds, in order. Reads only `section`, `order` and
 * `deleted`, never the text, so it stays cheap on a board of 2,000 cards.
 */
import * as Y from 'yjs';
import { CARD_KEYS, cardsMap } from '../../lib/board/doc';
import { compareOrder } from '../../lib/board/order';
import { isSection, SECTIONS, type Section } from '../../lib/board/sections';

/** Card ids per section, in board order. */
export type SectionIds = Record<Section, readonly string[]>;

/** An empty board. */
export function emptySectionIds(): SectionIds {
  return { context: [], priorities: [], decisions: [], indicators: [] };
}

/** Read the current membership and order of every section. */
export function readSectionIds(doc: Y.Doc): SectionIds {
  const lists: Record<Section, { id: string; order: string }[]> = {
    context: [],
    priorities: [],
    decisions: [],
    indicators: [],
  };
  for (const [id, card] of cardsMap(doc)) {
    if (!(card instanceof Y.Map) || card.get(CARD_KEYS.deleted) === true) continue;
    const section = card.get(CARD_KEYS.section);
    const order = card.get(CARD_KEYS.order);
    if (!isSection(section) || typeof order !== 'string') continue;
    if (!(card.get(CARD_KEYS.text) instanceof Y.Text)) continue;
    lists[section].push({ id, order });
  }
  const out = emptySectionIds();
  for (const section of SECTIONS) out[section] = lists[section].sort(compareOrder).map((c) => c.id);
  return out;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** `next`, reusing `prev`'s arrays for sections that did not change (so they skip rendering). */
export function keepUnchanged(prev: SectionIds, next: SectionIds): SectionIds {
  let changed = false;
  const out = emptySectionIds();
  for (const section of SECTIONS) {
    const same = sameIds(prev[section], next[section]);
    out[section] = same ? prev[section] : next[section];
    if (!same) changed = true;
  }
  return changed ? out : prev;
}

/** True when a deep event on the cards map can change membership or order. */
export function touchesLayout(event: Y.YEvent<Y.AbstractType<unknown>>, cards: Y.Map<unknown>) {
  if (event.target === cards) return true;
  if (!(event instanceof Y.YMapEvent)) return false;
  const keys = event.keysChanged;
  return keys.has(CARD_KEYS.section) || keys.has(CARD_KEYS.order) || keys.has(CARD_KEYS.deleted);
}
