import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCard } from '../../lib/board/doc';
import { applyFieldEdit, createRecord, setFieldValue } from '../../lib/board/records';
import { LinksIndex, readLinks } from './LinksIndex';

describe('LinksIndex', () => {
  it('knows which decisions and indicators link to each card', () => {
    const doc = new Y.Doc();
    const p = createCard(doc, 'priorities', 'Letters in plain English');
    const c = createCard(doc, 'context', 'Budget is fixed');
    const d = createRecord(doc, 'decision', 'decisions', { text: 'Plain letters?', links: [p, c] });
    const i = createRecord(doc, 'indicator', 'indicators', { text: 'Clear letters', links: [p] });
    const links = readLinks(doc);
    expect(links.get(p)).toEqual([
      { id: d, kind: 'decision', text: 'Plain letters?' },
      { id: i, kind: 'indicator', text: 'Clear letters' },
    ]);
    expect(links.get(c)?.map((l) => l.id)).toEqual([d]);
  });

  it('tells a card’s listeners when its links or a linked record’s text change, and no others', () => {
    const doc = new Y.Doc();
    const p = createCard(doc, 'priorities', 'One');
    const q = createCard(doc, 'priorities', 'Two');
    const d = createRecord(doc, 'decision', 'decisions', { links: [p] });
    const index = new LinksIndex(doc);
    const heard: string[] = [];
    index.subscribe(p, () => heard.push('p'));
    index.subscribe(q, () => heard.push('q'));
    let all = 0;
    index.subscribeAll(() => all++);

    const before = index.get(p);
    applyFieldEdit(doc, d, 'options', 'A or B'); // not a linked record's main text
    expect(heard).toEqual([]);
    expect(index.get(p)).toBe(before);

    applyFieldEdit(doc, d, 'text', 'Plain letters?');
    expect(heard).toEqual(['p']);
    expect(index.get(p)[0]?.text).toBe('Plain letters?');

    setFieldValue(doc, d, 'answers', [q]);
    expect(heard).toEqual(['p', 'p', 'q']);
    expect(index.get(p)).toEqual([]);
    expect(index.get(q).map((l) => l.id)).toEqual([d]);
    expect(all).toBe(2);
    expect(index.version).toBe(2);

    index.destroy();
    setFieldValue(doc, d, 'answers', [p]);
    expect(heard).toHaveLength(3);
  });
});
