import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { countChars } from '../attribution/countChars';
import { prng } from '../prng';
import type { Group } from '../roles';
import {
  applyTextEdit,
  CARD_KEYS,
  cardsMap,
  cardText,
  createCard,
  initBoard,
  MAX_CARD_CHARS,
  metaMap,
  moveCard,
  orderAt,
  readBoard,
  readCard,
  SCHEMA_VERSION,
  sectionCards,
  setCardDeleted,
} from './doc';

const A = 11;
const B = 22;
const roster = new Map<number, Group>([
  [A, 'people'],
  [B, 'system'],
]);
const groupOf = (id: number) => roster.get(id);

function docWith(clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  return doc;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** Run `fn` and return the updates `doc` emitted (one per transaction). */
function updatesOf(doc: Y.Doc, fn: () => void): Uint8Array[] {
  const out: Uint8Array[] = [];
  const on = (u: Uint8Array) => out.push(u);
  doc.on('update', on);
  try {
    fn();
  } finally {
    doc.off('update', on);
  }
  return out;
}

/** clientID of every live character of a Y.Text, in order. */
function authors(text: Y.Text): number[] {
  const out: number[] = [];
  let item = text._start;
  while (item) {
    if (!item.deleted && item.content instanceof Y.ContentString) {
      for (let i = 0; i < item.length; i++) out.push(item.id.client);
    }
    item = item.right;
  }
  return out;
}

describe('createCard', () => {
  it('creates a well-formed card at the end of its section in one transaction', () => {
    const doc = docWith(A);
    let first = '';
    expect(updatesOf(doc, () => (first = createCard(doc, 'priorities', 'one'))).length).toBe(1);
    const second = createCard(doc, 'priorities', 'two');
    const other = createCard(doc, 'context', 'elsewhere');
    expect(readCard(doc, first)).toMatchObject({
      id: first,
      section: 'priorities',
      text: 'one',
      deleted: false,
      creatorClientId: A,
    });
    expect(sectionCards(doc, 'priorities').map((c) => c.id)).toEqual([first, second]);
    expect(sectionCards(doc, 'context').map((c) => c.id)).toEqual([other]);
    expect(first).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(first).not.toBe(second);
  });

  it('places a card at an index and honours a given id', () => {
    const doc = docWith(A);
    const a = createCard(doc, 'decisions', 'a');
    const b = createCard(doc, 'decisions', 'b');
    const c = createCard(doc, 'decisions', 'c', { id: 'fixed-id', index: 1 });
    expect(c).toBe('fixed-id');
    const z = createCard(doc, 'decisions', 'z', { index: 0 });
    expect(sectionCards(doc, 'decisions').map((x) => x.id)).toEqual([z, a, c, b]);
  });

  it('passes the origin to the transaction', () => {
    const doc = docWith(A);
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    createCard(doc, 'context', 'x', { origin: 'local-ui' });
    expect(origins).toEqual(['local-ui']);
  });

  it('truncates text to MAX_CARD_CHARS', () => {
    const doc = docWith(A);
    const id = createCard(doc, 'context', 'x'.repeat(MAX_CARD_CHARS + 500));
    expect(cardText(doc, id)?.length).toBe(MAX_CARD_CHARS);
  });
});

describe('moveCard', () => {
  it('keeps the same Y.Text instance and its authors, within and across sections', () => {
    const a = docWith(A);
    const b = docWith(B);
    const id = createCard(a, 'context', 'written by A');
    createCard(a, 'priorities', 'd1');
    createCard(a, 'priorities', 'd2');
    sync(a, b);
    applyTextEdit(b, id, 'written by A and B');
    sync(a, b);
    const before = cardText(b, id);
    const authorsBefore = authors(before as Y.Text);
    expect(countChars(before as Y.Text, groupOf)).toEqual({ people: 12, system: 6, unknown: 0 });

    // B moves the card into another section, between d1 and d2.
    expect(updatesOf(b, () => expect(moveCard(b, id, 'priorities', 1)).toBe(true)).length).toBe(1);
    sync(a, b);
    for (const doc of [a, b]) {
      expect(sectionCards(doc, 'priorities').map((c) => c.text)).toEqual([
        'd1',
        'written by A and B',
        'd2',
      ]);
      expect(sectionCards(doc, 'context')).toEqual([]);
      expect(readCard(doc, id)?.creatorClientId).toBe(A);
    }
    expect(cardText(b, id)).toBe(before);
    expect(authors(cardText(a, id) as Y.Text)).toEqual(authorsBefore);
    expect(countChars(cardText(a, id) as Y.Text, groupOf)).toEqual({
      people: 12,
      system: 6,
      unknown: 0,
    });
  });

  it('writes only `order` within a section and only `section` and `order` across', () => {
    const doc = docWith(B);
    const x = createCard(doc, 'context', 'x');
    createCard(doc, 'context', 'y');
    const card = cardsMap(doc).get(x) as Y.Map<unknown>;
    const fieldsOf = (fn: () => void) => {
      const keys: string[] = [];
      const on = (e: Y.YMapEvent<unknown>) => keys.push(...e.keysChanged);
      card.observe(on);
      expect(updatesOf(doc, fn).length).toBe(1);
      card.unobserve(on);
      return keys.sort();
    };
    expect(fieldsOf(() => moveCard(doc, x, 'context', 2))).toEqual([CARD_KEYS.order]);
    expect(fieldsOf(() => moveCard(doc, x, 'priorities', 0))).toEqual([
      CARD_KEYS.order,
      CARD_KEYS.section,
    ]);
    expect(sectionCards(doc, 'context').map((c) => c.text)).toEqual(['y']);
  });

  it('[I67] never moves a record into a section of another kind', () => {
    const doc = docWith(A);
    const card = createCard(doc, 'context', 'x');
    const decision = createCard(doc, 'decisions', 'd');
    for (const [id, section] of [
      [card, 'decisions'],
      [card, 'indicators'],
      [decision, 'priorities'],
      [decision, 'indicators'],
    ] as const) {
      expect(updatesOf(doc, () => expect(moveCard(doc, id, section, 0)).toBe(false))).toEqual([]);
    }
    expect(readCard(doc, decision)).toMatchObject({ section: 'decisions', kind: 'decision' });
  });

  it('moves to the top and the bottom of a section', () => {
    const doc = docWith(A);
    const ids = ['a', 'b', 'c'].map((t) => createCard(doc, 'context', t));
    moveCard(doc, ids[2] as string, 'context', 0);
    expect(sectionCards(doc, 'context').map((c) => c.text)).toEqual(['c', 'a', 'b']);
    moveCard(doc, ids[2] as string, 'context', 99);
    expect(sectionCards(doc, 'context').map((c) => c.text)).toEqual(['a', 'b', 'c']);
    moveCard(doc, ids[0] as string, 'context', 1);
    expect(sectionCards(doc, 'context').map((c) => c.text)).toEqual(['b', 'a', 'c']);
  });

  it('returns false and writes nothing for an unknown card', () => {
    const doc = docWith(A);
    expect(updatesOf(doc, () => expect(moveCard(doc, 'nope', 'context', 0)).toBe(false))).toEqual(
      [],
    );
  });
});

describe('applyTextEdit', () => {
  it('keeps untouched characters with their author when another client edits the middle', () => {
    const a = docWith(A);
    const b = docWith(B);
    const id = createCard(a, 'priorities', 'hello world');
    sync(a, b);
    expect(updatesOf(b, () => applyTextEdit(b, id, 'hello brave new world')).length).toBe(1);
    sync(a, b);
    const text = cardText(a, id) as Y.Text;
    expect(text.toString()).toBe('hello brave new world');
    expect(authors(text)).toEqual([...Array(6).fill(A), ...Array(10).fill(B), ...Array(5).fill(A)]);
    // Replace one word in the middle: only that word changes hands.
    applyTextEdit(b, id, 'hello brave old world');
    sync(a, b);
    expect(countChars(cardText(a, id) as Y.Text, groupOf)).toEqual({
      people: 11,
      system: 10,
      unknown: 0,
    });
    // Delete in the middle: nothing is inserted, A keeps the rest.
    applyTextEdit(b, id, 'hello world');
    sync(a, b);
    expect(authors(cardText(a, id) as Y.Text)).toEqual(Array(11).fill(A));
  });

  it('emits exactly one update for a replace (delete + insert) and none for no change', () => {
    const doc = docWith(A);
    const id = createCard(doc, 'context', 'abcdef');
    expect(updatesOf(doc, () => applyTextEdit(doc, id, 'abXYef')).length).toBe(1);
    expect(updatesOf(doc, () => applyTextEdit(doc, id, 'abXYef')).length).toBe(0);
    expect(cardText(doc, id)?.toString()).toBe('abXYef');
  });

  it('handles repeated characters around the edit', () => {
    const doc = docWith(A);
    const id = createCard(doc, 'context', 'aaaa');
    for (const next of ['aaaaa', 'aaa', 'aabaa', 'abcabc', 'abc', '', 'x']) {
      applyTextEdit(doc, id, next);
      expect(cardText(doc, id)?.toString()).toBe(next);
    }
  });

  it('never splits an emoji (surrogate pair) when editing next to one', () => {
    const doc = docWith(A);
    const id = createCard(doc, 'context', 'a😀b');
    applyTextEdit(doc, id, 'a😁b');
    expect(cardText(doc, id)?.toString()).toBe('a😁b');
    applyTextEdit(doc, id, '😀😁');
    applyTextEdit(doc, id, '😁');
    expect(cardText(doc, id)?.toString()).toBe('😁');
  });

  it('reaches the target text for random edits (seeded), emoji included', () => {
    const alphabet = ['a', 'b', ' ', '😀', '😁', '👍🏽', 'é'];
    const seed = 99;
    const rand = prng(seed);
    const doc = docWith(A);
    const id = createCard(doc, 'context', '');
    const word = () => {
      let s = '';
      const n = Math.floor(rand() * 12);
      for (let i = 0; i < n; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
      return s;
    };
    for (let step = 0; step < 500; step++) {
      const prev = cardText(doc, id)?.toString() ?? '';
      // Mostly local edits (insert/delete/replace at a random code-point boundary), sometimes a rewrite.
      const cps = [...prev];
      const at = Math.floor(rand() * (cps.length + 1));
      const del = Math.floor(rand() * 3);
      const next =
        rand() < 0.1 ? word() : [...cps.slice(0, at), word(), ...cps.slice(at + del)].join('');
      applyTextEdit(doc, id, next);
      expect(
        cardText(doc, id)?.toString(),
        `seed ${seed} step ${step}: ${JSON.stringify([prev, next])}`,
      ).toBe(next);
    }
  });

  it('enforces MAX_CARD_CHARS but still allows replacing text at the limit', () => {
    const doc = docWith(A);
    const id = createCard(doc, 'context', 'x'.repeat(MAX_CARD_CHARS - 3));
    applyTextEdit(doc, id, `${'x'.repeat(MAX_CARD_CHARS - 3)}abcdef`);
    expect(cardText(doc, id)?.toString()).toBe(`${'x'.repeat(MAX_CARD_CHARS - 3)}abc`);
    const full = 'y'.repeat(MAX_CARD_CHARS);
    applyTextEdit(doc, id, full);
    expect(cardText(doc, id)?.toString()).toBe(full);
    applyTextEdit(doc, id, `${full}more`);
    expect(cardText(doc, id)?.length).toBe(MAX_CARD_CHARS);
  });

  it('returns false for an unknown card', () => {
    const doc = docWith(A);
    expect(applyTextEdit(doc, 'nope', 'x')).toBe(false);
  });
});

describe('readBoard, sectionCards, orderAt', () => {
  it('sorts by order then id, skips malformed cards', () => {
    const doc = docWith(A);
    const a = createCard(doc, 'context', 'a');
    doc.transact(() => {
      const broken = new Y.Map<unknown>();
      broken.set(CARD_KEYS.section, 'nowhere');
      broken.set(CARD_KEYS.order, 'a');
      broken.set(CARD_KEYS.text, new Y.Text('bad'));
      cardsMap(doc).set('broken', broken);
      const noText = new Y.Map<unknown>();
      noText.set(CARD_KEYS.section, 'context');
      noText.set(CARD_KEYS.order, 'b');
      cardsMap(doc).set('notext', noText);
      cardsMap(doc).set('notamap', new Y.Map());
    });
    // Two cards with the same order key (as two offline peers can produce) sort by id.
    const order = readCard(doc, a)?.order as string;
    createCard(doc, 'priorities', 'p-z', { id: 'zzz' });
    createCard(doc, 'priorities', 'p-a', { id: 'aaa' });
    for (const id of ['zzz', 'aaa']) cardsMap(doc).get(id)?.set(CARD_KEYS.order, order);
    expect(readBoard(doc).map((c) => c.id)).toEqual(['aaa', a, 'zzz']);
    expect(readCard(doc, 'broken')).toBeNull();
    expect(readCard(doc, 'missing')).toBeNull();
  });

  it('orderAt gives keys that place a card at the requested index, clamping out-of-range indexes', () => {
    const doc = docWith(A);
    for (const t of ['a', 'b', 'c']) createCard(doc, 'indicators', t);
    const keys = sectionCards(doc, 'indicators').map((c) => c.order);
    const at0 = orderAt(doc, 'indicators', 0);
    const at2 = orderAt(doc, 'indicators', 2);
    const atEnd = orderAt(doc, 'indicators', 10);
    expect(at0 < (keys[0] as string)).toBe(true);
    expect(at2 > (keys[1] as string) && at2 < (keys[2] as string)).toBe(true);
    expect(atEnd > (keys[2] as string)).toBe(true);
    expect(orderAt(doc, 'indicators', -5)).toBe(at0);
  });

  it('sectionCards leaves out deleted cards; readBoard keeps them', () => {
    const doc = docWith(A);
    const a = createCard(doc, 'context', 'a');
    const b = createCard(doc, 'context', 'b');
    expect(updatesOf(doc, () => setCardDeleted(doc, a, true, 'server')).length).toBe(1);
    expect(sectionCards(doc, 'context').map((c) => c.id)).toEqual([b]);
    expect(readBoard(doc).find((c) => c.id === a)).toMatchObject({ deleted: true, text: 'a' });
    setCardDeleted(doc, a, false, 'server');
    expect(sectionCards(doc, 'context').map((c) => c.id)).toEqual([a, b]);
    expect(setCardDeleted(doc, 'missing', true, 'server')).toBe(false);
  });

  it('cardText returns the live Y.Text or null', () => {
    const doc = docWith(A);
    const id = createCard(doc, 'context', 'abc');
    const text = cardText(doc, id);
    expect(text).toBeInstanceOf(Y.Text);
    text?.insert(3, 'd');
    expect(readCard(doc, id)?.text).toBe('abcd');
    expect(cardText(doc, 'missing')).toBeNull();
  });
});

describe('initBoard', () => {
  it('stamps the schema version once, in one transaction', () => {
    const doc = docWith(0);
    expect(updatesOf(doc, () => initBoard(doc, 'server')).length).toBe(1);
    expect(metaMap(doc).get('schemaVersion')).toBe(SCHEMA_VERSION);
    expect(updatesOf(doc, () => initBoard(doc, 'server')).length).toBe(0);
  });
});
