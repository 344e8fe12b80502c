import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTextEdit, cardsMap, createCard, moveCard, setCardDeleted } from '../../lib/board/doc';
import { keepUnchanged, readSectionIds, touchesLayout } from './sectionIds';

describe('readSectionIds', () => {
  it('lists live cards per section in order and hides deleted ones', () => {
    const doc = new Y.Doc();
    const a = createCard(doc, 'priorities', 'a');
    const b = createCard(doc, 'priorities', 'b');
    const c = createCard(doc, 'context', 'c');
    moveCard(doc, b, 'priorities', 0);
    setCardDeleted(doc, c, true, 'server');
    const ids = readSectionIds(doc);
    expect(ids.priorities).toEqual([b, a]);
    expect(ids.context).toEqual([]);
  });
});

describe('keepUnchanged', () => {
  it('reuses arrays of sections that did not change', () => {
    const doc = new Y.Doc();
    createCard(doc, 'context', 'a');
    const first = readSectionIds(doc);
    createCard(doc, 'decisions', 'b');
    const second = keepUnchanged(first, readSectionIds(doc));
    expect(second.context).toBe(first.context);
    expect(second.decisions).not.toBe(first.decisions);
    expect(keepUnchanged(second, readSectionIds(doc))).toBe(second);
  });
});

describe('touchesLayout', () => {
  it('ignores typing and notices moves', () => {
    const doc = new Y.Doc();
    const id = createCard(doc, 'context', 'a');
    const cards = cardsMap(doc) as Y.Map<unknown>;
    const seen: boolean[] = [];
    cards.observeDeep((events) => seen.push(events.some((e) => touchesLayout(e, cards))));
    applyTextEdit(doc, id, 'ab');
    moveCard(doc, id, 'priorities', 0);
    expect(seen).toEqual([false, true]);
  });
});
