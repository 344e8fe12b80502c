/**
 * Boards written before order keys came from `fractional-indexing` hold hand-made keys
 * (digits 0-9a-z). Both kinds sort as plain strings, so the plan keeps every section's
 * order (ties broken by card id, as `compareOrder` does) and only swaps the keys.
 */
import * as Y from 'yjs';
import { CARD_KEYS, cardsMap } from './doc';
import { compareOrder, isOrderKey, ordersBetween } from './order';
import { isSection, type Section } from './sections';

/** New order keys per card id, or null when every card already has a valid key. */
export function planOrderKeyMigration(doc: Y.Doc): Map<string, string> | null {
  const bySection = new Map<Section, { id: string; order: string }[]>();
  let stale = false;
  for (const [id, card] of cardsMap(doc)) {
    if (!(card instanceof Y.Map)) continue;
    const section = card.get(CARD_KEYS.section);
    const order = card.get(CARD_KEYS.order);
    if (!isSection(section) || typeof order !== 'string') continue;
    if (!isOrderKey(order)) stale = true;
    const list = bySection.get(section) ?? [];
    list.push({ id, order });
    bySection.set(section, list);
  }
  if (!stale) return null;
  const plan = new Map<string, string>();
  for (const cards of bySection.values()) {
    cards.sort(compareOrder);
    const keys = ordersBetween(null, null, cards.length);
    cards.forEach((card, i) => {
      plan.set(card.id, keys[i] as string);
    });
  }
  return plan;
}
