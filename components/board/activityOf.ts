/**
 * Turns the Yjs events of one remote transaction into card activity for the announcer.
 * The server's own `deleted` flag counts as removed or brought back.
 */
import * as Y from 'yjs';
import { CARD_KEYS } from '../../lib/board/doc';
import type { ActivityKind } from './ActivityBatcher';

/** What happened to which card. */
export interface CardActivity {
  kind: ActivityKind;
  cardId: string;
}

const ROOT_KINDS: Record<string, ActivityKind> = {
  add: 'added',
  delete: 'deleted',
  update: 'changed',
};

/** The card activity in `events` (from `cardsMap(doc).observeDeep`). */
export function activityOf(
  events: readonly Y.YEvent<Y.AbstractType<unknown>>[],
  cards: Y.Map<unknown>,
): CardActivity[] {
  const out: CardActivity[] = [];
  for (const event of events) {
    if (event.target === cards) {
      for (const [cardId, change] of event.changes.keys) {
        const kind = ROOT_KINDS[change.action];
        if (kind) out.push({ kind, cardId });
      }
      continue;
    }
    const cardId = event.path[0];
    if (typeof cardId !== 'string') continue;
    if (event instanceof Y.YTextEvent) {
      out.push({ kind: 'changed', cardId });
    } else if (event instanceof Y.YMapEvent) {
      const keys = event.keysChanged;
      if (keys.has(CARD_KEYS.deleted)) {
        const gone = (event.target as Y.Map<unknown>).get(CARD_KEYS.deleted) === true;
        out.push({ kind: gone ? 'deleted' : 'restored', cardId });
      } else if (keys.has(CARD_KEYS.section) || keys.has(CARD_KEYS.order)) {
        out.push({ kind: 'moved', cardId });
      }
    }
  }
  return out;
}
