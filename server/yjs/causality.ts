/**
 * Yjs (YATA) converges only when every item is placed as its author saw the list: nothing
 * the author already knew lies between its origin and its right origin. An author always
 * knows its own earlier items, so an item whose neighbours enclose an earlier item of its
 * own clientID was forged, and peers that integrate it in different batches (a live room
 * and a reload from the store) disagree about the text. Found by the room fuzz test
 * (tests/integration/roomFuzz.test.ts); invariant I20.
 *
 * The walk between two neighbours already in the doc is the one `Y.applyUpdate` makes for
 * the same item, so it costs no more than applying; a budget bounds it all the same.
 */
import type * as Y from 'yjs';
import { docItem } from './placement';

/** Most list positions one update's check may walk. */
const WALK_BUDGET = 200_000;

const idKey = (id: Y.ID | null) => (id ? `${id.client}:${id.clock}` : '-');

/** Null when every item of `items` is placed causally (as far as can be told cheaply). */
export function nonCausalPlacement(doc: Y.Doc, items: Y.Item[]): string | null {
  const places = new Set<string>();
  const budget = { left: WALK_BUDGET };
  for (const item of items) {
    if (item.parentSub !== null || (item.origin === null && item.rightOrigin === null)) continue;
    // Two items of one client between the same neighbours: the later cannot be honest.
    const place = `${item.id.client}|${idKey(item.origin)}|${idKey(item.rightOrigin)}`;
    if (places.has(place)) return 'two of its changes claim the same place';
    places.add(place);
    const problem = encloses(doc, item, budget);
    if (problem) return problem;
  }
  return null;
}

/** Walk the doc from the item's origin to its right origin, looking for its own past. */
function encloses(doc: Y.Doc, item: Y.Item, budget: { left: number }): string | null {
  if (!item.origin) return null; // placed at the start of a list: not checked here
  const left = docItem(doc, item.origin);
  if (!left) return null; // the origin is in this update: not checked here
  let right: Y.Item | null = null;
  if (item.rightOrigin) {
    right = docItem(doc, item.rightOrigin);
    if (!right) return null;
  }
  if (left === right) return null; // neighbours inside one struct: nothing lies between
  const own = (s: Y.Item) => s.id.client === item.id.client && s.id.clock < item.id.clock;
  // The rest of the origin's own struct, after the origin character, lies between too.
  const originEnd = left.id.clock + left.length - 1;
  if (item.origin.clock < originEnd && own(left)) return forged;
  for (let o = left.right; o !== null && o !== right; o = o.right) {
    if (--budget.left < 0) return 'it asks the server to search too far';
    if (own(o)) return forged;
  }
  return null;
}

const forged = 'it places text as if its author had not seen their own earlier text';
