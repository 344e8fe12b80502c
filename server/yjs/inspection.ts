/**
 * The record an inspection builds as it reads an update (see inspectUpdate.ts): the update to
 * store, new bindings, attribution per card, created cards and the clocks it reaches.
 */

/** A successful inspection: the (possibly stripped) update and what it does. */
export interface Inspection {
  ok: true;
  /** The update to store and apply; null when nothing is left to do. */
  update: Uint8Array | null;
  newBindings: number[];
  attributions: Map<string, { inserted: number; deleted: number }>;
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
    createdCards: [],
    clocks: new Map(),
  };
}

/** What the item pass learns, for the delete and length checks. */
export interface Written {
  out: Inspection;
  /** `cardId/key` → how many values of that card field the update writes. */
  fields: Map<string, number>;
}

/** Add characters inserted into (or deleted from) a card to the attribution record. */
export function bump(out: Inspection, cardId: string, inserted: number, deleted: number): void {
  const rec = out.attributions.get(cardId) ?? { inserted: 0, deleted: 0 };
  rec.inserted += inserted;
  rec.deleted += deleted;
  out.attributions.set(cardId, rec);
}
