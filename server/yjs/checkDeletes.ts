/**
 * The delete set of an update: text deletions are anyone's (who may write which field is
 * checked after, in recordCheck.ts); a record's `section`, `order` or plain field (enum,
 * date, links) value may be deleted only as it is replaced in the same update; records,
 * their text fields and `kind`, and `meta` are the server's. Ranges are sorted and merged first, so overlapping or repeated
 * ranges cost nothing extra (issue 8 §1, invariant I18).
 */
import * as Y from 'yjs';
import { bumpField, type Written } from './inspection';
import type { Placement, Where } from './placement';
import { REPLACEABLE_KEYS } from './recordCheck';
import type { UpdateIndex } from './updateIndex';

/** The delete set as `Y.decodeUpdate` returns it. */
export interface DeleteSet {
  clients: Map<number, { clock: number; len: number }[]>;
}

/** Null when every deletion is allowed; otherwise the problem. */
export function checkDeletes(
  ds: DeleteSet,
  doc: Y.Doc,
  index: UpdateIndex,
  placement: Placement,
  written: Written,
): string | null {
  const fieldDeletes = new Map<string, number>();
  for (const [client, ranges] of ds.clients) {
    for (const [clock, end] of merged(ranges)) {
      const problem =
        checkDocRange(doc, client, clock, end, placement, written) ??
        checkFutureRange(doc, index, placement, client, clock, end, fieldDeletes);
      if (problem) return problem;
    }
  }
  for (const [field, n] of fieldDeletes) {
    if ((written.fields.get(field) ?? 0) <= n) return `card field ${field} cannot be deleted`;
  }
  return null;
}

/**
 * Sort ranges and merge overlapping or touching ones into [start, end) pairs. Ranges are
 * keyed by start (keeping the longest) and the starts sorted as numbers, so a hand-made set
 * that repeats or scrambles ranges costs about what Yjs spends applying it.
 */
function merged(ranges: { clock: number; len: number }[]): [number, number][] {
  const longest = new Map<number, number>();
  for (const { clock, len } of ranges) {
    if (len > (longest.get(clock) ?? 0)) longest.set(clock, len);
  }
  const starts = Float64Array.from(longest.keys()).sort();
  const out: [number, number][] = [];
  for (const clock of starts) {
    const end = clock + (longest.get(clock) ?? 0);
    const last = out[out.length - 1];
    if (last && clock <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([clock, end]);
  }
  return out;
}

/** Deletions of content the server's doc already has. */
function checkDocRange(
  doc: Y.Doc,
  client: number,
  clock: number,
  end: number,
  placement: Placement,
  written: Written,
): string | null {
  const structs = doc.store.clients.get(client);
  if (!structs || clock >= Y.getState(doc.store, client)) return null;
  for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
    const s = structs[i];
    if (!s || s.id.clock >= end) break;
    if (!(s instanceof Y.Item) || s.deleted) continue;
    const n = Math.min(s.id.clock + s.length, end) - Math.max(s.id.clock, clock);
    const where = placement.whereIsDocType(s.parent as Y.AbstractType<unknown>);
    const problem = checkDeletedItem(s, s.parentSub, where, n, written);
    if (problem) return problem;
  }
  return null;
}

/**
 * A delete range beyond the server's state must cover content this same update inserts;
 * otherwise Yjs would keep it pending and delete someone's future content when it arrives.
 */
function checkFutureRange(
  doc: Y.Doc,
  index: UpdateIndex,
  placement: Placement,
  client: number,
  clock: number,
  end: number,
  fieldDeletes: Map<string, number>,
): string | null {
  let at = Math.max(clock, Y.getState(doc.store, client));
  while (at < end) {
    const s = index.find(Y.createID(client, at));
    if (!s) return 'a deletion refers to content the server does not have';
    if (s instanceof Y.Item) {
      const where = placement.whereIs(s);
      if (where.kind === 'card') {
        const field = `${where.cardId}/${placement.keyOf(s)}`;
        fieldDeletes.set(field, (fieldDeletes.get(field) ?? 0) + 1);
      } else if (where.kind !== 'text') {
        return 'only the server deletes cards (use “Delete card”)';
      }
    }
    at = s.id.clock + s.length;
  }
  return null;
}

function checkDeletedItem(
  item: Y.Item,
  key: string | null,
  where: Where,
  n: number,
  written: Written,
): string | null {
  switch (where.kind) {
    case 'text':
      if (item.countable) bumpField(written.out, where.cardId, where.field, 0, n);
      return null;
    case 'card': {
      const replaced = (written.fields.get(`${where.cardId}/${key}`) ?? 0) > 0;
      if (key !== null && REPLACEABLE_KEYS.has(key) && replaced) return null;
      return `card field "${key}" cannot be deleted`;
    }
    case 'root':
      return where.name === 'cards'
        ? 'only the server deletes cards (use “Delete card”)'
        : 'not allowed';
    default:
      return 'this deletion does not fit the board’s shape';
  }
}
