/**
 * Checks a Yjs update from a participant BEFORE it is applied (DESIGN §5, invariants I3–I6
 * in ARCHITECTURE.md), and works out its attribution record. Nothing here mutates the doc.
 *
 * - content may only be added under clientIDs bound to this participant or unbound ones;
 *   a sync-step-2 reply has others' content stripped instead of being refused;
 * - only the schema's shapes may be written: new cards under `cards`, a card's `section`,
 *   `order` and (when the card is new) `text`, and plain text inside a card's text;
 * - `meta`, a card's `deleted` flag and whole-card deletion are the server's alone.
 */
import * as Y from 'yjs';
import { CARD_KEYS, cardText, MAX_CARD_CHARS } from '../../lib/board/doc';
import { ORDER_KEY } from '../../lib/board/order';
import { isSection } from '../../lib/board/sections';
import type { Reason } from '../../lib/protocol/reasons';

/** The server's own clientID in every room doc; no participant may write under it. */
export const SERVER_CLIENT_ID = 0;

const CARD_ID = /^[A-Za-z0-9_-]{1,64}$/;
const ORDER = ORDER_KEY;

/** What the caller knows about the room and the sender. */
export interface InspectContext {
  doc: Y.Doc;
  /** clientID → participant id, for every bound clientID in the room. */
  bindings: ReadonlyMap<number, string>;
  participantId: string;
  mayWrite: boolean;
  /** 'update': a live update (foreign content refused). 'step2': a sync reply (stripped). */
  mode: 'update' | 'step2';
}

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

export type InspectResult = Inspection | { ok: false; reason: Reason; detail: string };

type Where =
  | { kind: 'root'; name: string }
  | { kind: 'card'; cardId: string; isNew: boolean }
  | { kind: 'text'; cardId: string }
  | { kind: 'value' }
  | { kind: 'unknown' };

const refuse = (detail: string, reason: Reason = 'forbidden') =>
  ({ ok: false, reason, detail }) as const;

/** Inspect `raw` against the room; see the module comment for the rules. */
export function inspectUpdate(raw: Uint8Array, ctx: InspectContext): InspectResult {
  let update = raw;
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return refuse('the update could not be decoded', 'malformed');
  }
  const foreign = foreignClients(decoded.structs, ctx);
  if (foreign.size > 0 || hasKnownContent(decoded.structs, ctx.doc)) {
    if (foreign.size > 0 && ctx.mode === 'update') {
      return refuse('content under another participant’s clientID');
    }
    update = stripKnownAndForeign(update, decoded.structs, foreign, ctx.doc);
    decoded = Y.decodeUpdate(update);
  }
  const items = decoded.structs.filter((s): s is Y.Item => s instanceof Y.Item);
  const hasDeletes = decoded.ds.clients.size > 0;
  if (items.length === 0 && !hasDeletes) return emptyInspection();
  if (!ctx.mayWrite) return refuse('observers cannot change the board');
  return checkContent(update, decoded, items, ctx);
}

function emptyInspection(): Inspection {
  return {
    ok: true,
    update: null,
    newBindings: [],
    attributions: new Map(),
    createdCards: [],
    clocks: new Map(),
  };
}

function foreignClients(structs: Y.AbstractStruct[], ctx: InspectContext): Set<number> {
  const out = new Set<number>();
  for (const s of structs) {
    const client = s.id.client;
    const owner = ctx.bindings.get(client);
    if (client === SERVER_CLIENT_ID || (owner !== undefined && owner !== ctx.participantId)) {
      if (s.id.clock + s.length > Y.getState(ctx.doc.store, client)) out.add(client);
    }
  }
  return out;
}

function hasKnownContent(structs: Y.AbstractStruct[], doc: Y.Doc): boolean {
  return structs.some((s) => s.id.clock < Y.getState(doc.store, s.id.client));
}

/** Drop what the server already has, and all content under foreign clientIDs. */
function stripKnownAndForeign(
  update: Uint8Array,
  structs: Y.AbstractStruct[],
  foreign: Set<number>,
  doc: Y.Doc,
): Uint8Array {
  const sv = new Map<number, number>();
  for (const s of structs) {
    const client = s.id.client;
    const end = s.id.clock + s.length;
    const floor = foreign.has(client) ? end : Y.getState(doc.store, client);
    sv.set(client, Math.max(sv.get(client) ?? 0, floor));
  }
  return Y.diffUpdate(update, encodeSv(sv));
}

/** Encode a state vector (a count, then client/clock varuint pairs), as y-protocols reads it. */
function encodeSv(sv: Map<number, number>): Uint8Array {
  const entries = [...sv.entries()];
  const bytes: number[] = [];
  writeVarUint(bytes, entries.length);
  for (const [client, clock] of entries) {
    writeVarUint(bytes, client);
    writeVarUint(bytes, clock);
  }
  return Uint8Array.from(bytes);
}

function writeVarUint(out: number[], n: number): void {
  let v = n;
  while (v > 0x7f) {
    out.push(0x80 | (v & 0x7f));
    v = Math.floor(v / 128);
  }
  out.push(v);
}

function checkContent(
  update: Uint8Array,
  decoded: ReturnType<typeof Y.decodeUpdate>,
  items: Y.Item[],
  ctx: InspectContext,
): InspectResult {
  const local = new UpdateIndex(items);
  const result: Inspection = { ...emptyInspection(), update };
  for (const item of items) {
    const client = item.id.client;
    const owner = ctx.bindings.get(client);
    if (client === SERVER_CLIENT_ID || (owner !== undefined && owner !== ctx.participantId)) {
      return refuse('content under another participant’s clientID');
    }
    if (owner === undefined && !result.newBindings.includes(client))
      result.newBindings.push(client);
    const end = item.id.clock + item.length;
    result.clocks.set(client, Math.max(result.clocks.get(client) ?? 0, end));
    const key = keyOf(item, ctx.doc, local);
    const problem = checkItem(item, key, whereIs(item, ctx.doc, local), result);
    if (problem) return refuse(problem);
  }
  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item) && !(s instanceof Y.Skip)) {
      const end = s.id.clock + s.length;
      result.clocks.set(s.id.client, Math.max(result.clocks.get(s.id.client) ?? 0, end));
    }
  }
  const problem = checkDeletes(decoded.ds, ctx.doc, local, result) ?? checkLengths(ctx.doc, result);
  return problem ? refuse(problem) : result;
}

/** Validate one inserted item against the schema; returns a problem or null. */
function checkItem(item: Y.Item, key: string | null, where: Where, out: Inspection): string | null {
  const content = item.content;
  if (content instanceof Y.ContentDeleted) return null;
  switch (where.kind) {
    case 'root':
      if (where.name !== 'cards') return `writing to "${where.name}" is not allowed`;
      if (!key || !CARD_ID.test(key)) return 'invalid card id';
      if (!(content instanceof Y.ContentType) || !(content.type instanceof Y.Map)) {
        return 'a card must be a map';
      }
      out.createdCards.push(key);
      bump(out, key, 0, 0);
      return null;
    case 'card':
      return checkCardField(item, key, where.cardId, where.isNew);
    case 'text':
      if (!(content instanceof Y.ContentString)) return 'card text may hold only plain text';
      bump(out, where.cardId, content.getLength(), 0);
      return null;
    default:
      return 'this change does not fit the board’s shape';
  }
}

function checkCardField(
  item: Y.Item,
  key: string | null,
  cardId: string,
  isNew: boolean,
): string | null {
  const content = item.content;
  const value = content instanceof Y.ContentAny ? content.arr[0] : undefined;
  switch (key) {
    case CARD_KEYS.section:
      return isSection(value) ? null : 'unknown section';
    case CARD_KEYS.order:
      return typeof value === 'string' && ORDER.test(value) ? null : 'invalid order key';
    case CARD_KEYS.text:
      if (!isNew) return `the text of card ${cardId} cannot be replaced`;
      return content instanceof Y.ContentType && content.type instanceof Y.Text
        ? null
        : 'card text must be text';
    default:
      return `card field "${key}" is not writable`;
  }
}

/**
 * Refuse text that would make a card longer than twice MAX_CARD_CHARS. Browsers stop at the
 * cap; the slack lets two people typing at the limit at the same moment both be kept.
 */
function checkLengths(doc: Y.Doc, out: Inspection): string | null {
  for (const [cardId, { inserted, deleted }] of out.attributions) {
    const current = cardText(doc, cardId)?.length ?? 0;
    if (inserted > 0 && current + inserted - deleted > MAX_CARD_CHARS * 2) {
      return `card ${cardId} would be longer than ${MAX_CARD_CHARS * 2} characters`;
    }
  }
  return null;
}

function bump(out: Inspection, cardId: string, inserted: number, deleted: number): void {
  const rec = out.attributions.get(cardId) ?? { inserted: 0, deleted: 0 };
  rec.inserted += inserted;
  rec.deleted += deleted;
  out.attributions.set(cardId, rec);
}

/** Index of the items an update carries, by ID, for resolving parents within the update. */
class UpdateIndex {
  private readonly byClient = new Map<number, Y.Item[]>();
  constructor(items: Y.Item[]) {
    for (const it of items) {
      const list = this.byClient.get(it.id.client) ?? [];
      list.push(it);
      this.byClient.set(it.id.client, list);
    }
  }
  find(id: Y.ID): Y.Item | null {
    for (const it of this.byClient.get(id.client) ?? []) {
      if (id.clock >= it.id.clock && id.clock < it.id.clock + it.length) return it;
    }
    return null;
  }
}

function docItem(doc: Y.Doc, id: Y.ID): Y.Item | null {
  if (id.clock >= Y.getState(doc.store, id.client)) return null;
  const struct = Y.getItem(doc.store, id);
  return struct instanceof Y.Item ? struct : null;
}

/**
 * The map key an item is written under. Yjs omits parent and key when an item has an
 * origin (they are copied from the neighbour on integration), so follow the neighbour.
 */
function keyOf(item: Y.Item, doc: Y.Doc, local: UpdateIndex, depth = 0): string | null {
  if (item.parent !== null || depth > 64) return item.parentSub;
  const neighbour = item.origin ?? item.rightOrigin;
  if (!neighbour) return null;
  const inUpdate = local.find(neighbour);
  if (inUpdate && inUpdate !== item) return keyOf(inUpdate, doc, local, depth + 1);
  return docItem(doc, neighbour)?.parentSub ?? null;
}

/** Where an item from the update sits in the board's schema. */
function whereIs(item: Y.Item, doc: Y.Doc, local: UpdateIndex, depth = 0): Where {
  if (depth > 64) return { kind: 'unknown' };
  const parent = item.parent as unknown;
  if (typeof parent === 'string') return { kind: 'root', name: parent };
  if (parent instanceof Y.ID) return whereIsType(parent, doc, local, depth);
  const neighbour = item.origin ?? item.rightOrigin;
  if (!neighbour) return { kind: 'unknown' };
  const inUpdate = local.find(neighbour);
  if (inUpdate && inUpdate !== item) return whereIs(inUpdate, doc, local, depth + 1);
  const inDoc = docItem(doc, neighbour);
  return inDoc
    ? whereIsDocParent(inDoc.parent as Y.AbstractType<unknown> | null)
    : { kind: 'unknown' };
}

/** Classify the type held by the item with id `typeId` (the parent of some content). */
function whereIsType(typeId: Y.ID, doc: Y.Doc, local: UpdateIndex, depth: number): Where {
  const inUpdate = local.find(typeId);
  if (inUpdate) {
    const container = whereIs(inUpdate, doc, local, depth + 1);
    return classifyHolder(inUpdate, keyOf(inUpdate, doc, local), container, true);
  }
  const inDoc = docItem(doc, typeId);
  if (!inDoc || !(inDoc.content instanceof Y.ContentType)) return { kind: 'unknown' };
  return whereIsDocParent(inDoc.content.type);
}

/** Given the item holding a type, and where that item sits, say what the type is. */
function classifyHolder(
  holder: Y.Item,
  key: string | null,
  container: Where,
  isNew: boolean,
): Where {
  if (!(holder.content instanceof Y.ContentType)) return { kind: 'value' };
  if (container.kind === 'root' && container.name === 'cards' && key) {
    return { kind: 'card', cardId: key, isNew };
  }
  if (container.kind === 'card' && key === CARD_KEYS.text) {
    return { kind: 'text', cardId: container.cardId };
  }
  return { kind: 'unknown' };
}

/** Classify a type that already exists in the server's doc. */
function whereIsDocParent(type: Y.AbstractType<unknown> | null): Where {
  if (!type) return { kind: 'unknown' };
  const holder = type._item;
  if (!holder) return { kind: 'root', name: Y.findRootTypeKey(type) };
  const container = whereIsDocParent(holder.parent as Y.AbstractType<unknown> | null);
  return classifyHolder(holder, holder.parentSub, container, false);
}

/** Check the delete set: text deletions are fine; structural ones are the server's. */
function checkDeletes(
  ds: ReturnType<typeof Y.decodeUpdate>['ds'],
  doc: Y.Doc,
  local: UpdateIndex,
  out: Inspection,
): string | null {
  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) {
      const problem =
        checkDeletedRange(doc, client, clock, len, out) ??
        checkFutureDeletes(doc, local, client, clock, len);
      if (problem) return problem;
    }
  }
  return null;
}

/**
 * A delete range beyond the server's state must cover content this same update inserts;
 * otherwise Yjs would keep it pending and delete someone's future content when it arrives.
 */
function checkFutureDeletes(
  doc: Y.Doc,
  local: UpdateIndex,
  client: number,
  clock: number,
  len: number,
): string | null {
  let at = Math.max(clock, Y.getState(doc.store, client));
  while (at < clock + len) {
    const item = local.find(Y.createID(client, at));
    if (!item) return 'a deletion refers to content the server does not have';
    at = item.id.clock + item.length;
  }
  return null;
}

function checkDeletedRange(
  doc: Y.Doc,
  client: number,
  clock: number,
  len: number,
  out: Inspection,
): string | null {
  const structs = doc.store.clients.get(client);
  const state = Y.getState(doc.store, client);
  if (structs && clock < state) {
    let i = Y.findIndexSS(structs, clock);
    for (; i < structs.length; i++) {
      const s = structs[i];
      if (!s || s.id.clock >= clock + len) break;
      if (!(s instanceof Y.Item) || s.deleted) continue;
      const overlap = Math.min(s.id.clock + s.length, clock + len) - Math.max(s.id.clock, clock);
      const problem = checkDeletedItem(
        s,
        whereIsDocParent(s.parent as Y.AbstractType<unknown>),
        overlap,
        out,
      );
      if (problem) return problem;
    }
  }
  return null;
}

function checkDeletedItem(item: Y.Item, where: Where, n: number, out: Inspection): string | null {
  switch (where.kind) {
    case 'text':
      if (item.countable) bump(out, where.cardId, 0, n);
      return null;
    case 'card':
      if (item.parentSub === CARD_KEYS.section || item.parentSub === CARD_KEYS.order) return null;
      return `card field "${item.parentSub}" cannot be deleted`;
    case 'root':
      return where.name === 'cards'
        ? 'only the server deletes cards (use “Delete card”)'
        : 'not allowed';
    default:
      return 'this deletion does not fit the board’s shape';
  }
}
