/**
 * The record an inspection builds as it reads an update (see inspectUpdate.ts): the update to
 * store, new bindings, attribution per card and per field, created cards and the clocks it
 * reaches.
 */
import type * as Y from 'yjs';

/** Characters one update inserted into and deleted from a card (or one of its fields). */
export interface Counts {
  inserted: number;
  deleted: number;
}

/** A successful inspection: the (possibly stripped) update and what it does. */
export interface Inspection {
  ok: true;
  /** The update to store and apply; null when nothing is left to do. */
  update: Uint8Array | null;
  newBindings: number[];
  /** Per card: every character written to any of its fields (a card it creates counts 0/0). */
  attributions: Map<string, Counts>;
  /**
   * Per card, per field written (issue 9, I70): characters of each text field, and 0/0 for a
   * plain value (enum, date, links) replaced, which counts as a change by its writer.
   */
  fieldAttributions: Map<string, Map<string, Counts>>;
  createdCards: string[];
  /** For each of the sender's clientIDs in the update, the clock it reaches. */
  clocks: Map<number, number>;
}

/** An inspection that accepts and changes nothing. */
export function emptyInspection(): Inspection {
  return {
    ok: true,
    update: null,
    newBindings: [],
    attributions: new Map(),
    fieldAttributions: new Map(),
    createdCards: [],
    clocks: new Map(),
  };
}

/** What one update writes under one record's keys (not inside its texts). */
export interface RecordWrite {
  /** True when the update creates the record. */
  isNew: boolean;
  /** Each value written under a key of the record's map, in update order. */
  values: { key: string; item: Y.Item }[];
}

/** What the item pass learns, for the delete, record and length checks. */
export interface Written {
  out: Inspection;
  /** `cardId/key` → how many values of that card field the update writes. */
  fields: Map<string, number>;
  /** cardId → the values the update writes under the record's keys. */
  records: Map<string, RecordWrite>;
}

/** Add characters inserted into (or deleted from) a card to the attribution record. */
export function bump(out: Inspection, cardId: string, inserted: number, deleted: number): void {
  const rec = out.attributions.get(cardId) ?? { inserted: 0, deleted: 0 };
  rec.inserted += inserted;
  rec.deleted += deleted;
  out.attributions.set(cardId, rec);
}

/** As `bump`, and to the card's `field` too. */
export function bumpField(
  out: Inspection,
  cardId: string,
  field: string,
  inserted: number,
  deleted: number,
): void {
  bump(out, cardId, inserted, deleted);
  let fields = out.fieldAttributions.get(cardId);
  if (!fields) {
    fields = new Map();
    out.fieldAttributions.set(cardId, fields);
  }
  const rec = fields.get(field) ?? { inserted: 0, deleted: 0 };
  rec.inserted += inserted;
  rec.deleted += deleted;
  fields.set(field, rec);
}
