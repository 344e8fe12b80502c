import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTextEdit, cardsMap, createCard, moveCard, setCardDeleted } from '../../lib/board/doc';
import { activityOf, type CardActivity } from './activityOf';

function watch(doc: Y.Doc): CardActivity[] {
  const seen: CardActivity[] = [];
  const cards = cardsMap(doc) as Y.Map<unknown>;
  cards.observeDeep((events) => seen.push(...activityOf(events, cards)));
  return seen;
}

describe('activityOf', () => {
  it('names additions, edits, moves, deletions and restores', () => {
    const doc = new Y.Doc();
    const seen = watch(doc);
    const id = createCard(doc, 'context', '');
    applyTextEdit(doc, id, 'hello');
    moveCard(doc, id, 'priorities', 0);
    setCardDeleted(doc, id, true, 'server');
    setCardDeleted(doc, id, false, 'server');
    expect(seen.map((a) => a.kind)).toEqual(['added', 'changed', 'moved', 'deleted', 'restored']);
    expect(seen.every((a) => a.cardId === id)).toBe(true);
  });
});
