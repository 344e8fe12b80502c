import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CARD_KEYS, cardsMap, metaMap, readBoard, SCHEMA_VERSION, setCardDeleted } from './doc';
import { applyRecordMigration, planRecordMigration } from './recordMigration';
import { readRecord } from './records';
import { textFieldsOf } from './schema';
import type { Section } from './sections';

/** A version 1 board as it was stored: plain cards (no `kind`) in every section. */
function v1Board(): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = 7;
  doc.transact(() => {
    metaMap(doc).set('schemaVersion', 1);
    const sections: Section[] = ['context', 'priorities', 'decisions', 'indicators'];
    sections.forEach((section, i) => {
      const card = new Y.Map<unknown>();
      card.set(CARD_KEYS.section, section);
      card.set(CARD_KEYS.order, `a${i}`);
      card.set(CARD_KEYS.text, new Y.Text(`words in ${section}`));
      cardsMap(doc).set(`v1-${section}`, card);
    });
  });
  setCardDeleted(doc, 'v1-indicators', true, 'server');
  return doc;
}

describe('[I71] version 1 → 2 migration', () => {
  it('makes every Decisions and Quality indicators card a record, keeping its words, in one write', () => {
    const doc = v1Board();
    const textBefore = (cardsMap(doc).get('v1-decisions') as Y.Map<unknown>).get('text');
    const plan = planRecordMigration(doc);
    expect(plan?.records.map((r) => [r.id, r.kind])).toEqual([
      ['v1-decisions', 'decision'],
      ['v1-indicators', 'indicator'],
    ]);
    const server = new Y.Doc();
    server.clientID = 0;
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
    const updates: Uint8Array[] = [];
    server.on('update', (u: Uint8Array) => updates.push(u));
    applyRecordMigration(server, planRecordMigration(server)!, 'server');
    expect(updates).toHaveLength(1);
    expect(metaMap(server).get('schemaVersion')).toBe(SCHEMA_VERSION);
    const decision = readRecord(server, 'v1-decisions');
    expect(decision).toMatchObject({ kind: 'decision', text: 'words in decisions' });
    expect(decision?.fields.options).toBe('');
    const indicator = readRecord(server, 'v1-indicators');
    expect(indicator).toMatchObject({
      kind: 'indicator',
      deleted: true,
      text: 'words in indicators',
    });
    for (const field of textFieldsOf('indicator')) {
      expect((cardsMap(server).get('v1-indicators') as Y.Map<unknown>).get(field)).toBeInstanceOf(
        Y.Text,
      );
    }
    // Cards stay cards without a write; the text Y.Text is the same one (colour and history).
    expect((cardsMap(server).get('v1-context') as Y.Map<unknown>).get('kind')).toBeUndefined();
    expect(
      readBoard(server)
        .map((c) => c.kind)
        .sort(),
    ).toEqual(['card', 'card', 'decision', 'indicator']);
    Y.applyUpdate(doc, updates[0] as Uint8Array);
    expect((cardsMap(doc).get('v1-decisions') as Y.Map<unknown>).get('text')).toBe(textBefore);
    // Everything written is the server's.
    const written = Y.decodeUpdate(updates[0] as Uint8Array);
    for (const s of written.structs) expect(s.id.client).toBe(0);
    // Nothing more to do afterwards.
    expect(planRecordMigration(server)).toBeNull();
  });

  it('stamps a version 1 board with only cards once, and leaves an unstamped empty board alone', () => {
    const doc = new Y.Doc();
    metaMap(doc).set('schemaVersion', 1);
    expect(planRecordMigration(doc)).toEqual({ records: [], stamp: true });
    expect(planRecordMigration(new Y.Doc())).toBeNull();
  });
});
