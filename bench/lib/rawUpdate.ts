/**
 * A hand encoder for Yjs v1 updates, so the worst-frame bench and the room fuzz test can send
 * shapes no honest Yjs client produces (many items with one origin, ranges that overlap,
 * nesting, clock gaps). It writes exactly what `Item.write` and `writeDeleteSet` write.
 */
import * as encoding from 'lib0/encoding';

/** An id as Yjs writes it. */
export interface RawId {
  client: number;
  clock: number;
}

/** Content of a raw item: text, a JSON value, a new type, or deleted content. */
export type RawContent =
  | { kind: 'string'; text: string }
  | { kind: 'any'; value: unknown }
  | { kind: 'type'; type: 'map' | 'text' }
  | { kind: 'deleted'; length: number };

/** One struct: an item placed by origin/rightOrigin or by parent (root name or type id). */
export interface RawItem {
  origin?: RawId;
  rightOrigin?: RawId;
  parent?: string | RawId;
  parentSub?: string;
  content: RawContent;
}

/** Structs of one client from `clock` on, and a delete set. */
export interface RawUpdate {
  clients: { client: number; clock: number; items: RawItem[] }[];
  deletes?: { client: number; ranges: [clock: number, len: number][] }[];
}

const REF = { deleted: 1, string: 4, type: 7, any: 8 } as const;
const TYPE_REF = { map: 1, text: 2 } as const;

function writeId(enc: encoding.Encoder, id: RawId): void {
  encoding.writeVarUint(enc, id.client);
  encoding.writeVarUint(enc, id.clock);
}

function writeItem(enc: encoding.Encoder, item: RawItem): void {
  const placed = item.origin !== undefined || item.rightOrigin !== undefined;
  const info =
    REF[item.content.kind] |
    (item.origin ? 0x80 : 0) |
    (item.rightOrigin ? 0x40 : 0) |
    (!placed && item.parentSub !== undefined ? 0x20 : 0);
  encoding.writeUint8(enc, info);
  if (item.origin) writeId(enc, item.origin);
  if (item.rightOrigin) writeId(enc, item.rightOrigin);
  if (!placed) {
    if (typeof item.parent === 'string') {
      encoding.writeVarUint(enc, 1);
      encoding.writeVarString(enc, item.parent);
    } else {
      encoding.writeVarUint(enc, 0);
      writeId(enc, item.parent ?? { client: 0, clock: 0 });
    }
    if (item.parentSub !== undefined) encoding.writeVarString(enc, item.parentSub);
  }
  const c = item.content;
  if (c.kind === 'string') encoding.writeVarString(enc, c.text);
  else if (c.kind === 'deleted') encoding.writeVarUint(enc, c.length);
  else if (c.kind === 'type') encoding.writeVarUint(enc, TYPE_REF[c.type]);
  else {
    encoding.writeVarUint(enc, 1);
    encoding.writeAny(enc, c.value as never);
  }
}

/** The length (clock span) of a raw item. */
export function rawLength(item: RawItem): number {
  const c = item.content;
  if (c.kind === 'string') return c.text.length;
  return c.kind === 'deleted' ? c.length : 1;
}

/** Encode `u` as a Yjs v1 update. */
export function encodeRawUpdate(u: RawUpdate): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, u.clients.length);
  for (const group of u.clients) {
    encoding.writeVarUint(enc, group.items.length);
    encoding.writeVarUint(enc, group.client);
    encoding.writeVarUint(enc, group.clock);
    for (const item of group.items) writeItem(enc, item);
  }
  const deletes = u.deletes ?? [];
  encoding.writeVarUint(enc, deletes.length);
  for (const d of deletes) {
    encoding.writeVarUint(enc, d.client);
    encoding.writeVarUint(enc, d.ranges.length);
    for (const [clock, len] of d.ranges) {
      encoding.writeVarUint(enc, clock);
      encoding.writeVarUint(enc, len);
    }
  }
  return encoding.toUint8Array(enc);
}
