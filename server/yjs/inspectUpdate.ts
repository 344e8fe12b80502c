/**
 * Checks a Yjs update from a participant BEFORE it is applied (DESIGN §5, invariants I3–I6
 * and I18–I20 in ARCHITECTURE.md), and works out its attribution record. Nothing here
 * mutates the doc, and the work is linear in the update's size: cheap limits first, then
 * one index of the update's structs, then one memoised pass over its items.
 *
 * - content may only be added under clientIDs bound to this participant or unused ones;
 *   a sync-step-2 reply has others' content stripped instead of being refused;
 * - only the schema's shapes may be written: new records under `cards` (never an existing
 *   key), and each record's fields as the table in `lib/board/schema.ts` says, by its kind
 *   and the sender's capability (recordCheck.ts): its place, its kind and text fields at
 *   creation only, plain values whole, plain text inside its text fields;
 * - `meta`, a card's `deleted` flag and whole-card deletion are the server's alone;
 * - everything must be integrable at once: no clock gap, nothing the server lacks.
 */
import * as Y from 'yjs';
import type { Reason } from '../../lib/protocol/reasons';
import { type Capability, can } from '../../lib/roles';
import { nonCausalPlacement } from './causality';
import { checkDeletes, type DeleteSet } from './checkDeletes';
import { countStructs } from './countStructs';
import { FRAME_LIMITS, frameLimitProblem } from './frameLimits';
import {
  bump,
  bumpField,
  emptyInspection,
  type Inspection,
  type RecordWrite,
  type Written,
} from './inspection';
import { type LockSet, lockProblem, noLocks } from './lockCheck';
import { Placement, type Where } from './placement';
import { type Deferred, Kinds, textProblem, valuesProblem } from './recordCheck';
import { missingDependency, UpdateIndex } from './updateIndex';

/** The server's own clientID in every room doc; no participant may write under it. */
export const SERVER_CLIENT_ID = 0;

const CARD_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** What the caller knows about the room and the sender. */
export interface InspectContext {
  doc: Y.Doc;
  /** clientID → participant id, for every bound clientID in the room. */
  bindings: ReadonlyMap<number, string>;
  participantId: string;
  mayWrite: boolean;
  /** 'update': a live update (foreign content refused). 'step2': a sync reply (stripped). */
  mode: 'update' | 'step2';
  /** Locked cards and sections for this sender (issue 11, I43); absent when none apply. */
  locks?: LockSet;
  /**
   * The sender's capability (issue 9, I68): observers write nothing (with `mayWrite`
   * false), contributors no facilitator-only field. Absent counts as a contributor.
   */
  capability?: Capability;
}

export type InspectResult = Inspection | { ok: false; reason: Reason; detail: string };

const refuse = (detail: string, reason: Reason = 'forbidden') =>
  ({ ok: false, reason, detail }) as const;

export type { Inspection };
export { FRAME_LIMITS };

/** Inspect `raw` against the room; see the module comment for the rules. */
export function inspectUpdate(raw: Uint8Array, ctx: InspectContext): InspectResult {
  let update = raw;
  if ((countStructs(raw, FRAME_LIMITS.structs) ?? 0) > FRAME_LIMITS.structs) {
    return refuse(`an update may hold at most ${FRAME_LIMITS.structs} changes`, 'tooLarge');
  }
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return refuse('the update could not be decoded', 'malformed');
  }
  const tooBig = frameLimitProblem(decoded);
  if (tooBig) return refuse(tooBig, 'tooLarge');
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
  const index = new UpdateIndex(decoded.structs);
  const deferred: Deferred = { incomplete: null };
  const verdict = checkContent(update, decoded, items, index, ctx, deferred);
  if (!verdict.ok) return verdict;
  if (decoded.structs.some((s) => s instanceof Y.Skip) || index.hasClockGap(ctx.doc)) {
    return refuse('it skips content the server does not have', 'malformed');
  }
  // After the gap check: a record cut short by a gap is malformed, not badly shaped.
  if (deferred.incomplete) return refuse(deferred.incomplete);
  const missing = missingDependency(ctx.doc, index, items) ?? nonCausalPlacement(ctx.doc, items);
  return missing ? refuse(`this change cannot be placed: ${missing}`, 'malformed') : verdict;
}

/**
 * Who owns a clientID: a participant's binding; the server for 0 and for any clientID with
 * content but no binding (every participant write binds its clientID in the same
 * transaction, so unbound content was the server's, e.g. written before I19 held).
 */
function ownerOf(client: number, ctx: InspectContext): string | 'server' | undefined {
  if (client === SERVER_CLIENT_ID) return 'server';
  const owner = ctx.bindings.get(client);
  if (owner !== undefined) return owner;
  return Y.getState(ctx.doc.store, client) > 0 ? 'server' : undefined;
}

function isForeign(client: number, ctx: InspectContext): boolean {
  const owner = ownerOf(client, ctx);
  return owner !== undefined && owner !== ctx.participantId;
}

function foreignClients(structs: Y.AbstractStruct[], ctx: InspectContext): Set<number> {
  const out = new Set<number>();
  for (const s of structs) {
    const client = s.id.client;
    if (out.has(client) || !isForeign(client, ctx)) continue;
    if (s.id.clock + s.length > Y.getState(ctx.doc.store, client)) out.add(client);
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

/**
 * The content checks. A new record missing a field it must hold is noted in `deferred`
 * rather than refused here, so a record cut short by a clock gap is refused as malformed.
 */
function checkContent(
  update: Uint8Array,
  decoded: ReturnType<typeof Y.decodeUpdate>,
  items: Y.Item[],
  index: UpdateIndex,
  ctx: InspectContext,
  deferred: Deferred,
): InspectResult {
  const placement = new Placement(ctx.doc, index);
  const written: Written = {
    out: { ...emptyInspection(), update },
    fields: new Map(),
    records: new Map(),
  };
  const result = written.out;
  const created = new Set<string>();
  for (const item of items) {
    const client = item.id.client;
    if (isForeign(client, ctx)) return refuse('content under another participant’s clientID');
    if (ownerOf(client, ctx) === undefined && !result.clocks.has(client)) {
      result.newBindings.push(client);
    }
    const end = item.id.clock + item.length;
    result.clocks.set(client, Math.max(result.clocks.get(client) ?? 0, end));
    const problem = checkItem(item, placement, ctx.doc, written, created);
    if (problem) return refuse(problem);
  }

  for (const s of decoded.structs) {
    if (s instanceof Y.GC) {
      const end = s.id.clock + s.length;
      result.clocks.set(s.id.client, Math.max(result.clocks.get(s.id.client) ?? 0, end));
    }
  }
  const sender = { facilitates: can(ctx.capability ?? 'contributor', 'session:facilitate') };
  const kinds = new Kinds(ctx.doc, written);
  const problem =
    valuesProblem(ctx.doc, written, kinds, sender, deferred) ??
    checkDeletes(decoded.ds as DeleteSet, ctx.doc, index, placement, written) ??
    textProblem(ctx.doc, written, kinds, sender);
  if (problem) return refuse(problem);
  // After the deletes are read, so deleting a locked card's text counts as writing to it.
  const locked =
    ctx.locks && !noLocks(ctx.locks)
      ? lockProblem(ctx.doc, ctx.locks, items, placement, written)
      : null;
  return locked ? refuse(locked, 'locked') : result;
}

/** True when the server's `cards` map has ever held `key` (even a Yjs-deleted entry). */
function cardKeyExists(doc: Y.Doc, key: string): boolean {
  return doc.share.get('cards')?._map.has(key) === true;
}

/** Validate one inserted item against the schema; returns a problem or null. */
function checkItem(
  item: Y.Item,
  placement: Placement,
  doc: Y.Doc,
  written: Written,
  created: Set<string>,
): string | null {
  const content = item.content;
  const key = placement.keyOf(item);
  const where: Where = placement.whereIs(item);
  switch (where.kind) {
    case 'root':
      if (where.name !== 'cards') return `writing to "${where.name}" is not allowed`;
      if (!key || !CARD_ID.test(key)) return 'invalid card id';
      if (placement.replacesDocValue(item) || cardKeyExists(doc, key) || created.has(key)) {
        return `card ${key} already exists and cannot be replaced`;
      }
      if (!(content instanceof Y.ContentType) || !(content.type instanceof Y.Map)) {
        return 'a card must be a map';
      }
      created.add(key);
      written.out.createdCards.push(key);
      recordWrite(written, key, true);
      bump(written.out, key, 0, 0);
      return null;
    case 'card': {
      if (key === null) return 'this change does not fit the board’s shape';
      const field = `${where.cardId}/${key}`;
      written.fields.set(field, (written.fields.get(field) ?? 0) + 1);
      // Checked against the table once the record's kind is known (recordCheck.ts).
      recordWrite(written, where.cardId, where.isNew).values.push({ key, item });
      return null;
    }
    case 'text':
      if (key !== null) return 'card text may hold only plain text';
      if (content instanceof Y.ContentDeleted) return null;
      if (!(content instanceof Y.ContentString)) return 'card text may hold only plain text';
      bumpField(written.out, where.cardId, where.field, content.getLength(), 0);
      return null;
    default:
      return 'this change does not fit the board’s shape';
  }
}

/** The record write an item belongs to, made on first use. */
function recordWrite(written: Written, cardId: string, isNew: boolean): RecordWrite {
  let write = written.records.get(cardId);
  if (!write) {
    write = { isNew, values: [] };
    written.records.set(cardId, write);
  }
  return write;
}
