/**
 * Version 1 → 2 (issue 9): boards made before records hold plain cards in Decisions and
 * Quality indicators. Each becomes a record of its section's kind: it gets `kind` and an
 * empty Y.Text for every text field it lacks, and keeps its words as the proposal or the
 * statement (its `text`, untouched, so its colour and history stay). Cards in Context and
 * Joint priorities need nothing: a record without `kind` is a card.
 */
import * as Y from 'yjs';
import { CARD_KEYS, cardsMap, metaMap, SCHEMA_VERSION } from './doc';
import { type RecordKind, SECTION_KIND, textFieldsOf } from './schema';
import { isSection } from './sections';

/** What the migration writes: per record, its kind and the text fields it lacks. */
export interface RecordMigrationPlan {
  records: { id: string; kind: RecordKind; missing: string[] }[];
  /** True when `meta.schemaVersion` is to be written. */
  stamp: boolean;
}

/** The plan for `doc`, or null when it is already a version 2 board with nothing to do. */
export function planRecordMigration(doc: Y.Doc): RecordMigrationPlan | null {
  const records: RecordMigrationPlan['records'] = [];
  for (const [id, card] of cardsMap(doc)) {
    if (!(card instanceof Y.Map)) continue;
    const section = card.get(CARD_KEYS.section);
    if (!isSection(section) || card.get(CARD_KEYS.kind) !== undefined) continue;
    const kind = SECTION_KIND[section];
    if (kind === 'card') continue;
    const missing = textFieldsOf(kind).filter((field) => !(card.get(field) instanceof Y.Text));
    records.push({ id, kind, missing });
  }
  // A board the server never stamped (an empty test room) is left alone unless it holds
  // records to migrate; a stamped version 1 board is stamped 2 once.
  const version = metaMap(doc).get('schemaVersion');
  const behind = typeof version === 'number' && version < SCHEMA_VERSION;
  return records.length > 0 || behind ? { records, stamp: true } : null;
}

/** Server only: apply a plan in one transaction (kind, empty text fields, schema version). */
export function applyRecordMigration(doc: Y.Doc, plan: RecordMigrationPlan, origin: unknown): void {
  doc.transact(() => {
    for (const { id, kind, missing } of plan.records) {
      const card = cardsMap(doc).get(id);
      if (!(card instanceof Y.Map)) continue;
      card.set(CARD_KEYS.kind, kind);
      for (const field of missing) card.set(field, new Y.Text());
    }
    if (plan.stamp) metaMap(doc).set('schemaVersion', SCHEMA_VERSION);
  }, origin);
}
