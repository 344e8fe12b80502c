/**
 * One live board in memory. Every message from a connection goes through one serial
 * queue per room: validate → store → broadcast and apply (DESIGN §6, invariants I1–I2).
 * The room talks to a minimal connection interface; `endpoint.ts` binds real sockets.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { readCard, setCardDeleted } from '../../lib/board/doc';
import { textHash } from '../../lib/board/textHash';
import { MIN_GROUP_FOR_ATTRIBUTION } from '../../lib/participantLabel';
import { fail, REASON_INFO, type Reason, type Result } from '../../lib/protocol/reasons';
import {
  encodeJsonMessage,
  MESSAGE_AWARENESS,
  MESSAGE_ROSTER,
  MESSAGE_SAVED,
  MESSAGE_SYNC,
  type RosterEntry,
} from '../../lib/protocol/yjsMessages';
import { can, type Group } from '../../lib/roles';
import type { Logger } from '../log';
import type { EndorsementRow, ParticipantRow, Store } from '../store/Store';
import { inspectUpdate, SERVER_CLIENT_ID } from './inspectUpdate';
import { migrateOrderKeys } from './migrateOrderKeys';

/**
 * Scratch space for one broadcast: the first connection to send the message may keep its
 * encoded form here, and every other connection reuses it.
 */
export type Shared = { encoded?: unknown };

/** The minimal socket a room needs. */
export interface RoomConn {
  readonly participant: ParticipantRow;
  /** Send one message; `shared` is the same object for every recipient of a broadcast. */
  send(message: Uint8Array, shared?: Shared): void;
  close(code: number, reason: string): void;
}

/** Callbacks for facts other channels publish (socket.io). */
export interface RoomListener {
  /** Text of these cards changed, or their endorsements did. */
  cardsChanged(workshopId: string, cardIds: string[]): void;
}

/** A message the room cannot read; the connection that sent it is closed. */
export class BadMessage extends Error {}

export class Room {
  readonly doc = new Y.Doc();
  readonly conns = new Set<RoomConn>();
  readonly bindings = new Map<number, string>();
  readonly creators = new Map<string, string | null>();
  readonly participants = new Map<string, ParticipantRow>();
  readonly endorsements = new Map<string, EndorsementRow[]>();
  lastSeq = 0;
  lastActive = Date.now();
  private sinceCompaction = 0;
  /** False until the stored board is in memory; nothing is served before (invariant I7). */
  private loaded = false;
  private compacting = false;
  private tail: Promise<unknown> = Promise.resolve();
  readonly ready: Promise<void>;

  constructor(
    readonly workshopId: string,
    private readonly store: Store,
    private readonly log: Logger,
    private readonly listener: RoomListener,
    /** Compact after this many stored updates. */
    private readonly compactEvery = 500,
  ) {
    this.doc.clientID = SERVER_CLIENT_ID;
    this.ready = this.enqueue(() => this.load());
  }

  /** Run `task` after every earlier task of this room; errors do not break the chain. */
  enqueue<T>(task: () => Promise<T> | T): Promise<T> {
    const run = this.tail.then(task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async load(): Promise<void> {
    const [loaded, participants, endorsements] = await Promise.all([
      this.store.loadDocument(this.workshopId),
      this.store.listParticipants(this.workshopId),
      this.store.listEndorsements(this.workshopId),
    ]);
    const parts = loaded.snapshot ? [loaded.snapshot] : [];
    for (const u of loaded.updates) parts.push(u.data);
    if (parts.length > 0) Y.applyUpdate(this.doc, Y.mergeUpdates(parts), 'load');
    this.lastSeq = loaded.updates.at(-1)?.seq ?? loaded.snapshotSeq;
    this.sinceCompaction = loaded.updates.length;
    this.lastSeq = (await migrateOrderKeys(this.doc, this.store, this.workshopId)) ?? this.lastSeq;
    for (const b of loaded.bindings) this.bindings.set(b.clientId, b.participantId);
    for (const c of loaded.cardCreators) this.creators.set(c.cardId, c.participantId);
    for (const p of participants) this.participants.set(p.id, p);
    for (const e of endorsements) this.addEndorsement(e);
    this.loaded = true;
  }

  /** Admit a connection: once the board is loaded, roster first, then sync step 1. */
  join(conn: RoomConn): Promise<void> {
    this.conns.add(conn);
    this.lastActive = Date.now();
    return this.enqueue(() => {
      if (!this.loaded) throw new Error('board not loaded');
      if (!this.conns.has(conn)) return;
      this.participants.set(conn.participant.id, conn.participant);
      conn.send(encodeJsonMessage(MESSAGE_ROSTER, { entries: this.rosterFor(conn.participant) }));
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, MESSAGE_SYNC);
      syncProtocol.writeSyncStep1(enc, this.doc);
      conn.send(encoding.toUint8Array(enc));
    });
  }

  leave(conn: RoomConn): void {
    this.conns.delete(conn);
    this.lastActive = Date.now();
  }

  /** Handle one binary message from `conn`, in order with every other message of the room. */
  handleMessage(conn: RoomConn, data: Uint8Array): Promise<void> {
    return this.enqueue(() => this.process(conn, data));
  }

  private async process(conn: RoomConn, data: Uint8Array): Promise<void> {
    if (!this.loaded) throw new Error('board not loaded');
    if (!this.conns.has(conn)) return;
    this.lastActive = Date.now();
    let type: number;
    let payload: Uint8Array | null = null;
    let syncType = -1;
    try {
      const decoder = decoding.createDecoder(data);
      type = decoding.readVarUint(decoder);
      if (type === MESSAGE_SYNC) {
        syncType = decoding.readVarUint(decoder);
        payload = decoding.readVarUint8Array(decoder);
      }
    } catch {
      throw new BadMessage('unreadable frame');
    }
    if (type === MESSAGE_AWARENESS) return; // presence travels over socket.io
    if (type !== MESSAGE_SYNC || payload === null)
      throw new BadMessage(`unknown message type ${type}`);
    if (syncType === syncProtocol.messageYjsSyncStep1) return this.replyStep2(conn, payload);
    if (syncType === syncProtocol.messageYjsSyncStep2) return this.accept(conn, payload, 'step2');
    if (syncType === syncProtocol.messageYjsUpdate) return this.accept(conn, payload, 'update');
    throw new BadMessage(`unknown sync message ${syncType}`);
  }

  private replyStep2(conn: RoomConn, stateVector: Uint8Array): void {
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MESSAGE_SYNC);
    try {
      syncProtocol.writeSyncStep2(enc, this.doc, stateVector);
    } catch {
      throw new BadMessage('unreadable state vector');
    }
    conn.send(encoding.toUint8Array(enc));
  }

  /** Validate, store, apply, then broadcast one update from a participant. */
  private async accept(conn: RoomConn, raw: Uint8Array, mode: 'update' | 'step2'): Promise<void> {
    const p = conn.participant;
    const verdict = inspectUpdate(raw, {
      doc: this.doc,
      bindings: this.bindings,
      participantId: p.id,
      mayWrite: can(p.capability, 'board:write') && p.removedAt === null,
      mode,
    });
    if (!verdict.ok) return this.refuse(conn, verdict.reason, verdict.detail);
    if (verdict.update === null) return;
    const newBindings = verdict.newBindings.map((clientId) => ({ clientId, participantId: p.id }));
    try {
      this.lastSeq = await this.store.appendUpdate({
        workshopId: this.workshopId,
        data: verdict.update,
        participantId: p.id,
        bindings: newBindings,
        attributions: [...verdict.attributions].map(([cardId, a]) => ({ cardId, ...a })),
        createdCards: verdict.createdCards,
      });
    } catch (err) {
      this.log.error('store write failed; nothing applied', { workshop: this.workshopId, err });
      return this.refuse(conn, 'storeFailed', 'store write failed');
    }
    for (const b of newBindings) this.bindings.set(b.clientId, b.participantId);
    for (const id of verdict.createdCards) this.creators.set(id, p.id);
    // Broadcast, then apply, in one synchronous step: nothing can observe the doc in
    // between, and the others receive the edit without waiting for the server's own
    // applyUpdate (about 0.1 ms on an idle machine, measured in the fan-out bench).
    if (newBindings.length > 0) this.broadcastRoster(verdict.newBindings);
    this.broadcastUpdate(verdict.update, conn);
    Y.applyUpdate(this.doc, verdict.update, conn);
    conn.send(encodeJsonMessage(MESSAGE_SAVED, { clocks: [...verdict.clocks] }));
    this.afterWrite([...verdict.attributions.keys()]);
  }

  private refuse(conn: RoomConn, reason: Reason, detail: string): void {
    this.log.warn('closing a Yjs connection', { workshop: this.workshopId, reason, detail });
    this.conns.delete(conn);
    conn.close(REASON_INFO[reason].close, REASON_INFO[reason].message.slice(0, 120));
  }

  private broadcastUpdate(update: Uint8Array, except: RoomConn | null): void {
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MESSAGE_SYNC);
    syncProtocol.writeUpdate(enc, update);
    const message = encoding.toUint8Array(enc);
    const shared: Shared = {};
    for (const c of this.conns) if (c !== except) c.send(message, shared);
  }

  private afterWrite(touched: string[]): void {
    this.sinceCompaction++;
    const endorsed = touched.filter((id) => this.endorsements.has(id));
    if (endorsed.length > 0) this.listener.cardsChanged(this.workshopId, endorsed);
    if (this.sinceCompaction >= this.compactEvery) void this.compact();
  }

  /** Write the merged state as a snapshot and drop the updates it covers, off the queue. */
  async compact(): Promise<void> {
    if (this.compacting || this.sinceCompaction === 0) return;
    this.compacting = true;
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    const upto = this.lastSeq;
    const covered = this.sinceCompaction;
    try {
      await this.store.compact(this.workshopId, snapshot, upto);
      this.sinceCompaction = Math.max(0, this.sinceCompaction - covered);
    } catch (err) {
      this.log.error('compaction failed; will retry later', { workshop: this.workshopId, err });
    } finally {
      this.compacting = false;
    }
  }

  // ── Roster ──────────────────────────────────────────────────────────────────────

  /** How many (not removed) participants each group has, in one pass. */
  private groupSizes(): Record<Group, number> {
    const sizes: Record<Group, number> = { people: 0, system: 0 };
    for (const p of this.participants.values()) if (p.group && !p.removedAt) sizes[p.group]++;
    return sizes;
  }

  private entryFor(
    clientId: number,
    viewer: ParticipantRow,
    sizes: Record<Group, number>,
  ): RosterEntry | null {
    const pid = this.bindings.get(clientId);
    const author = pid ? this.participants.get(pid) : undefined;
    if (!author?.group) return null;
    const identifiable = !author.anonymous && sizes[author.group] >= MIN_GROUP_FOR_ATTRIBUTION;
    const own = author.id === viewer.id;
    return {
      clientId,
      group: author.group,
      ...(identifiable || own ? { author: author.id } : {}),
      ...(identifiable ? { name: author.name } : {}),
    };
  }

  /** The whole roster as `viewer` may see it. */
  rosterFor(
    viewer: ParticipantRow,
    clientIds: Iterable<number> = this.bindings.keys(),
    sizes: Record<Group, number> = this.groupSizes(),
  ): RosterEntry[] {
    const out: RosterEntry[] = [];
    for (const id of clientIds) {
      const e = this.entryFor(id, viewer, sizes);
      if (e) out.push(e);
    }
    return out;
  }

  private broadcastRoster(clientIds: number[] | null): void {
    const sizes = this.groupSizes();
    for (const c of this.conns) {
      const entries = this.rosterFor(c.participant, clientIds ?? this.bindings.keys(), sizes);
      if (entries.length > 0) c.send(encodeJsonMessage(MESSAGE_ROSTER, { entries }));
    }
  }

  /** A participant joined or changed: names may now be shown (or hidden), so resend the roster. */
  participantUpdated(p: ParticipantRow): void {
    const before = p.group ? this.groupSizes()[p.group] : 0;
    this.participants.set(p.id, p);
    const after = p.group ? this.groupSizes()[p.group] : 0;
    const crossed = before < MIN_GROUP_FOR_ATTRIBUTION !== after < MIN_GROUP_FOR_ATTRIBUTION;
    if (crossed || p.removedAt) this.broadcastRoster(null);
  }

  /** Close every live connection of these participants (revoked link, removal). */
  closeParticipants(ids: ReadonlySet<string>, reason: Reason): void {
    for (const c of [...this.conns]) {
      if (ids.has(c.participant.id)) this.refuse(c, reason, 'access ended');
    }
  }

  // ── Server-authoritative card facts ─────────────────────────────────────────────

  private addEndorsement(e: EndorsementRow): void {
    const list = (this.endorsements.get(e.cardId) ?? []).filter(
      (x) => x.participantId !== e.participantId,
    );
    list.push(e);
    this.endorsements.set(e.cardId, list);
  }

  /** Record that `p` agrees with the text whose hash is `hash`; refused if the text changed. */
  endorse(p: ParticipantRow, cardId: string, hash: string): Promise<Result> {
    return this.enqueue(async (): Promise<Result> => {
      if (!can(p.capability, 'card:endorse') || !p.group) return fail('forbidden');
      const card = readCard(this.doc, cardId);
      if (!card || card.deleted) return fail('unknownCard');
      if (textHash(card.text) !== hash) return fail('staleText');
      const row: EndorsementRow = {
        workshopId: this.workshopId,
        cardId,
        participantId: p.id,
        textHash: hash,
        seq: this.lastSeq,
        at: new Date().toISOString(),
      };
      await this.store.putEndorsement(row);
      this.addEndorsement(row);
      this.listener.cardsChanged(this.workshopId, [cardId]);
      return { ok: true };
    });
  }

  /** Delete (or restore) a card as the server, after checking who may. */
  setDeleted(p: ParticipantRow, cardId: string, deleted: boolean): Promise<Result> {
    return this.enqueue(async (): Promise<Result> => {
      const card = readCard(this.doc, cardId);
      if (!card) return fail('unknownCard');
      const own = this.creators.get(cardId) === p.id;
      const allowed = deleted
        ? can(p.capability, 'card:delete-any') || (own && can(p.capability, 'card:delete-own'))
        : can(p.capability, 'card:restore');
      if (!allowed)
        return fail('forbidden', deleted ? 'You can only delete cards you made.' : undefined);
      if (card.deleted === deleted) return { ok: true };
      return this.serverWrite(p, cardId, deleted);
    });
  }

  private async serverWrite(p: ParticipantRow, cardId: string, deleted: boolean): Promise<Result> {
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array) => {
      update = u;
    };
    this.doc.once('update', capture);
    setCardDeleted(this.doc, cardId, deleted, 'server');
    this.doc.off('update', capture);
    if (!update) return { ok: true };
    const at = new Date().toISOString();
    await this.storeWithRetry(update, p, cardId, deleted ? 'delete' : 'restore', at);
    this.broadcastUpdate(update, null);
    this.afterWrite([]);
    return { ok: true };
  }

  /** The doc already holds a server write nobody has seen: keep trying until it is stored. */
  private async storeWithRetry(
    data: Uint8Array,
    p: ParticipantRow,
    cardId: string,
    action: 'delete' | 'restore',
    at: string,
  ): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        this.lastSeq = await this.store.appendUpdate({
          workshopId: this.workshopId,
          data,
          participantId: null,
          bindings: [],
          attributions: [],
          createdCards: [],
        });
        await this.store.recordCardEvent({
          workshopId: this.workshopId,
          cardId,
          participantId: p.id,
          action,
          at,
        });
        return;
      } catch (err) {
        this.log.error('server write not stored yet; retrying', {
          workshop: this.workshopId,
          attempt,
          err,
        });
        await new Promise((r) => setTimeout(r, Math.min(5000, 100 * 2 ** attempt)));
      }
    }
  }
}
