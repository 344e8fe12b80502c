import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cardsMap, createCard, readBoard, readCard } from './doc';
import {
  applyFieldEdit,
  createRecord,
  fieldText,
  isIsoDay,
  readRecord,
  recordHash,
  setFieldValue,
} from './records';
import { MAX_FIELD_CHARS, MAX_LINKS, RECORD_SCHEMA, textFieldsOf } from './schema';
import { textHash } from './textHash';

function docWith(clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  return doc;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

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

describe('createRecord', () => {
  it('[I69] creates every text field of its kind in the one creating transaction', () => {
    for (const [kind, section] of [
      ['card', 'context'],
      ['decision', 'decisions'],
      ['indicator', 'indicators'],
    ] as const) {
      const doc = docWith(1);
      let id = '';
      expect(
        updatesOf(doc, () => (id = createRecord(doc, kind, section, { text: 'hi' }))).length,
      ).toBe(1);
      const card = cardsMap(doc).get(id) as Y.Map<unknown>;
      expect(card.get('kind')).toBe(kind);
      for (const field of textFieldsOf(kind)) {
        expect(card.get(field)).toBeInstanceOf(Y.Text);
        expect(fieldText(doc, id, field)?.toString()).toBe(field === 'text' ? 'hi' : '');
      }
      // Nothing but the base keys and the text fields.
      expect([...card.keys()].sort()).toEqual(
        ['kind', 'order', 'section', ...textFieldsOf(kind)].sort(),
      );
    }
  });

  it('[I67] refuses a kind the section does not hold, writing nothing', () => {
    const doc = docWith(1);
    expect(() => createRecord(doc, 'decision', 'priorities')).toThrow(/cannot go in priorities/);
    expect(() => createRecord(doc, 'card', 'indicators')).toThrow(/indicators/);
    expect(cardsMap(doc).size).toBe(0);
  });

  it('sets the kind’s links at creation and refuses bad links', () => {
    const doc = docWith(1);
    const p = createRecord(doc, 'card', 'priorities', { text: 'p' });
    const d = createRecord(doc, 'decision', 'decisions', { links: [p] });
    expect(readRecord(doc, d)?.fields.answers).toEqual([p]);
    expect(() => createRecord(doc, 'decision', 'decisions', { links: [p, p] })).toThrow(/twice/);
    const many = Array.from({ length: MAX_LINKS + 1 }, (_, i) => `c${i}`);
    expect(() => createRecord(doc, 'indicator', 'indicators', { links: many })).toThrow(/At most/);
    expect(() => createRecord(doc, 'card', 'context', { links: [p] })).toThrow(/no links/);
  });

  it('createCard makes the kind its section holds', () => {
    const doc = docWith(1);
    expect(readCard(doc, createCard(doc, 'context', 'x'))?.kind).toBe('card');
    expect(readCard(doc, createCard(doc, 'decisions', 'x'))?.kind).toBe('decision');
    expect(readCard(doc, createCard(doc, 'indicators', 'x'))?.kind).toBe('indicator');
  });
});

describe('readRecord and readBoard', () => {
  it('reads every non-base field, and a v1 card without `kind` as a card', () => {
    const doc = docWith(1);
    const id = createRecord(doc, 'indicator', 'indicators', { text: 'Fewer waits' });
    const view = readRecord(doc, id);
    expect(view).toMatchObject({
      id,
      kind: 'indicator',
      text: 'Fewer waits',
      section: 'indicators',
    });
    expect(view?.fields).toEqual({
      measure: '',
      target: '',
      baseline: '',
      dataSource: '',
      owner: '',
      reviewDate: null,
      serves: [],
    });
    // A version 1 card: section, order and text only.
    doc.transact(() => {
      const old = new Y.Map<unknown>();
      old.set('section', 'context');
      old.set('order', 'a0');
      old.set('text', new Y.Text('old'));
      cardsMap(doc).set('v1', old);
    });
    expect(readRecord(doc, 'v1')).toMatchObject({ kind: 'card', text: 'old', fields: {} });
    expect(
      readBoard(doc)
        .map((c) => c.kind)
        .sort(),
    ).toEqual(['card', 'indicator']);
  });

  it('reads a record with an unknown kind as malformed', () => {
    const doc = docWith(1);
    const id = createRecord(doc, 'card', 'context');
    (cardsMap(doc).get(id) as Y.Map<unknown>).set('kind', 'poll');
    expect(readRecord(doc, id)).toBeNull();
    expect(readBoard(doc)).toEqual([]);
  });
});

describe('applyFieldEdit', () => {
  it('edits one text field in place, keeping both writers’ characters', () => {
    const a = docWith(1);
    const b = docWith(2);
    const id = createRecord(a, 'decision', 'decisions', { text: 'Q' });
    sync(a, b);
    const before = fieldText(b, id, 'options');
    expect(applyFieldEdit(a, id, 'options', 'one')).toBe(true);
    expect(applyFieldEdit(b, id, 'options', 'two')).toBe(true);
    sync(a, b);
    expect(fieldText(b, id, 'options')).toBe(before);
    expect(readRecord(a, id)?.fields.options).toBe(readRecord(b, id)?.fields.options);
    expect(String(readRecord(a, id)?.fields.options).length).toBe(6);
    expect(applyFieldEdit(a, id, 'text', 'Q2')).toBe(true);
    expect(readRecord(a, id)?.text).toBe('Q2');
  });

  it('caps a field at its maxChars and refuses unknown or non-text fields', () => {
    const doc = docWith(1);
    const id = createRecord(doc, 'indicator', 'indicators');
    applyFieldEdit(doc, id, 'target', 'x'.repeat(MAX_FIELD_CHARS + 50));
    expect(fieldText(doc, id, 'target')?.length).toBe(MAX_FIELD_CHARS);
    for (const field of ['reviewDate', 'nope', 'deleted', 'section']) {
      expect(updatesOf(doc, () => expect(applyFieldEdit(doc, id, field, 'x')).toBe(false))).toEqual(
        [],
      );
    }
    expect(applyFieldEdit(doc, 'missing', 'text', 'x')).toBe(false);
  });
});

describe('setFieldValue', () => {
  it('replaces enum, date and links whole; null clears', () => {
    const doc = docWith(1);
    const p = createRecord(doc, 'card', 'priorities');
    const d = createRecord(doc, 'decision', 'decisions');
    const i = createRecord(doc, 'indicator', 'indicators');
    expect(setFieldValue(doc, d, 'rule', 'consent')).toBe(true);
    expect(setFieldValue(doc, d, 'answers', [p])).toBe(true);
    expect(setFieldValue(doc, i, 'reviewDate', '2027-03-01')).toBe(true);
    expect(readRecord(doc, d)?.fields).toMatchObject({ rule: 'consent', answers: [p] });
    expect(readRecord(doc, i)?.fields.reviewDate).toBe('2027-03-01');
    // The same value again writes nothing.
    expect(updatesOf(doc, () => setFieldValue(doc, d, 'rule', 'consent'))).toEqual([]);
    expect(setFieldValue(doc, d, 'rule', null)).toBe(true);
    expect(setFieldValue(doc, d, 'answers', null)).toBe(true);
    expect(readRecord(doc, d)?.fields).toMatchObject({ rule: null, answers: [] });
  });

  it('refuses a value that does not fit, writing nothing', () => {
    const doc = docWith(1);
    const d = createRecord(doc, 'decision', 'decisions');
    const i = createRecord(doc, 'indicator', 'indicators');
    const bad: [string, string, unknown][] = [
      [d, 'rule', 'coin toss'],
      [d, 'rule', ['consent']],
      [d, 'answers', ['x', 'x']],
      [d, 'answers', 'x'],
      [d, 'options', 'text fields are edited, not set'],
      [d, 'deleted', 'true'],
      [d, 'nope', 'x'],
      [i, 'reviewDate', '2027-02-30'],
      [i, 'reviewDate', 'tomorrow'],
      ['missing', 'rule', 'consent'],
    ];
    for (const [id, field, value] of bad) {
      expect(
        updatesOf(doc, () => expect(setFieldValue(doc, id, field, value as string)).toBe(false)),
      ).toEqual([]);
    }
  });

  it('isIsoDay accepts real days only', () => {
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2023-02-29')).toBe(false);
    expect(isIsoDay('2024-2-9')).toBe(false);
  });
});

describe('recordHash', () => {
  it('[I71] is textHash of the text for a plain card, so old endorsements stay valid', () => {
    const doc = docWith(1);
    const id = createCard(doc, 'priorities', 'Shorter waits');
    expect(recordHash(readRecord(doc, id)!)).toBe(textHash('Shorter waits'));
  });

  it('changes when any written field of a decision or indicator changes, not when it moves', () => {
    const doc = docWith(1);
    const p = createCard(doc, 'priorities', 'p');
    const d = createRecord(doc, 'decision', 'decisions', { text: 'Q' });
    const seen = new Set<string>();
    const hash = () => recordHash(readRecord(doc, d)!);
    seen.add(hash());
    const writes = [
      () => applyFieldEdit(doc, d, 'text', 'Q!'),
      () => applyFieldEdit(doc, d, 'options', 'A or B'),
      () => setFieldValue(doc, d, 'rule', 'vote'),
      () => setFieldValue(doc, d, 'answers', [p]),
      () => applyFieldEdit(doc, d, 'powerHolder', 'Head of service'),
      () => applyFieldEdit(doc, d, 'rationale', 'because'),
    ];
    for (const write of writes) {
      write();
      expect(seen.has(hash())).toBe(false);
      seen.add(hash());
    }
    const before = hash();
    createRecord(doc, 'decision', 'decisions', { index: 0 });
    expect(hash()).toBe(before);
    expect(hash()).toMatch(/^[0-9a-f]{16}$/);
    expect(Object.keys(RECORD_SCHEMA.decision)).toContain('rationale');
  });
});
