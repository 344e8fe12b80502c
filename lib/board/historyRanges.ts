/**
 * Which Yjs item ids one update inserted and which it deleted (issue 13, card history).
 * The ranges are global ids; a card's history keeps the ones that fall inside its text.
 */
import * as Y from 'yjs';

/** A run of Yjs ids: `len` ids of `client` from `clock`. */
export type IdRange = [client: number, clock: number, len: number];

/** The ids one update inserted (as text items) and the ids it deleted. */
export interface UpdateRanges {
  inserted: IdRange[];
  deleted: IdRange[];
}

/** Read the inserted and deleted id ranges of a v1 update without applying it. */
export function historyRanges(update: Uint8Array): UpdateRanges {
  const { structs, ds } = Y.decodeUpdate(update);
  const inserted: IdRange[] = [];
  for (const s of structs) {
    if (s instanceof Y.Item && s.content instanceof Y.ContentString)
      inserted.push([s.id.client, s.id.clock, s.length]);
  }
  const deleted: IdRange[] = [];
  for (const [client, runs] of ds.clients) {
    for (const r of runs) deleted.push([client, r.clock, r.len]);
  }
  return { inserted, deleted };
}
