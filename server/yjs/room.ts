/**
 * One live board in memory. Every message from a connection goes through one serial
 * queue per room: validate → store → broadcast and apply (DESIGN §6, invariants I1–I2).
 * The room talks to a minimal connection interface; `endpoint.ts` binds real sockets.
 */
import * as Y from 'yjs';
import { readCard, setCardDeleted } from '../../lib/board/doc';
import { readRecord, recordHash } from '../../lib/board/records';
import { STEP_CLOSED_CARD, stepRules, votingClosedMessage } from '../../lib/facilitation/agenda';
import type { FacilitationState } from '../../lib/facilitation/state';
import { fail, REASON_INFO, type Reason, type Result } from '../../lib/protocol/reasons';
import {
  encodeJsonMessage,
  MESSAGE_ROSTER,
  MESSAGE_SAVED,
  type RosterEntry,
} from '../../lib/protocol/yjsMessages';
import { can } from '../../lib/roles';
import {
  authorshipFor,
  type GroupSizes,
  groupSizes,
  identifiableNow,
  MIN_GROUP_FOR_ATTRIBUTION,
} from '../../lib/visibility/policy';
import type { Logger } from '../log';
import { nextTurn } from '../nextTurn';
import { deletedBySelf } from '../realtime/deletedBySelf';
import { type CardNotice, watchReplacements } from '../realtime/replacedNotice';
import type {
  AppendInput,
  AttributionInput,
  EndorsementRow,
  LogReader,
  OrderedLog,
  ParticipantRow,
  ServerWriteInput,
  Store,
  StoredUpdate,
} from '../store/Store';
import { CardLimits } from './cardLimits';
import {
  type Inspection,
  type InspectResult,
  inspectUpdate,
  SERVER_CLIENT_ID,
} from './inspectUpdate';
import { type LoadMigration, migrationInput } from './loadMigration';
import type { LockSet } from './lockCheck';
import { migrateOrderKeys } from './migrateOrderKeys';
import { migrateRecords } from './migrateRecords';
import { type StepSet, stepSet } from './stepCheck';
import { BadMessage, routeSync, step1Message, step2Message, updateMessage } from './syncMessage';

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
  /** Told why, just before `close` (connections the server makes for itself). */
  refused?(reason: Reason): void;
}

/** Callbacks for facts other channels publish (socket.io). */
export interface RoomListener {
  /** Text of these cards changed, or their endorsements did. */
  cardsChanged(workshopId: string, cardIds: string[]): void;
  /** Tell authors the other group replaced most of their card (issue 13). */
  cardNotices?(workshopId: string, notices: CardNotice[]): void;
  /** A participant's update was stored (facilitation's balance counts it, issue 11). */
  written?(workshopId: string): void;
  /** A connection was closed for `reason` (the refusals metric counts it, issue 12). */
  refused?(reason: Reason): void;
  /**
   * This instance stored entry `seq` of the board's log (several instances tell the others,
   * I62); `data` is the entry itself when it is an update this room just stored and sent.
   */
  stored?(workshopId: string, seq: number, data?: Uint8Array, versions?: Versions): void;
  /** This instance stored an endorsement (several instances tell the others, I65). */
  endorsed?(row: EndorsementRow): void;
}

/** The versions of the workshop's row before and after an entry was written (I94). */
export interface Versions {
  from: string;
  to: string;
}

/** An entry another instance stored and sent over the bus (I63), with its versions. */
export interface RelayedEntry extends StoredUpdate {
  versions?: Versions;
}

/** An inspected update with the bindings it brings, ready to store. */
interface Decided {
  verdict: Inspection;
  bindings: AppendInput['bindings'];
}

export { BadMessage };

/** How often a server write is tried before the room gives up on it (I19). */
export const SERVER_WRITE_ATTEMPTS = 4;

export class Room {
  /** `gc: false` keeps deleted text, which card history rebuilds versions from (issue 13). */
  readonly doc = new Y.Doc({ gc: false });
  readonly conns = new Set<RoomConn>();
  readonly bindings = new Map<number, string>();
  /** Whether each clientID's author could be named when it was bound (I26). */
  readonly boundIdentifiable = new Map<number, boolean>();
  readonly creators = new Map<string, string | null>();
  private readonly people = new Map<string, ParticipantRow>();
  readonly participants: ReadonlyMap<string, ParticipantRow> = this.people;
  /** `groupSizes()` until a participant changes: every welcome's roster reads it. */
  private sizes: GroupSizes | null = null;
  readonly endorsements = new Map<string, EndorsementRow[]>();
  lastSeq = 0;
  /** Locked cards and sections (issue 11, I43), set by the facilitation module. */
  locks: LockSet = { cards: new Set(), sections: new Set() };
  /** What the agenda's current step opens (issue 11, I52); undefined: not running. */
  step: StepSet | undefined;
  /** Why the current step keeps voting closed (I54); null when it is open or not running. */
  votingClosed: string | null = null;
  lastActive = Date.now();
  /**
   * Sync step 2 for a client that holds nothing yet (an empty state vector), kept until the
   * doc next changes: after a restart a room's clients ask for the same whole board at once,
   * and encoding it for each was the room's largest cost in the reconnect storm (profiled).
   */
  private wholeStep2: Uint8Array | null = null;
  private sinceCompaction = 0;
  /** False until the stored board is in memory; nothing is served before (invariant I7). */
  private loaded = false;
  private compacting = false;
  /**
   * True once a server write could not be stored: the doc holds a change the store lacks,
   * so the room serves nobody and the registry loads a fresh one (I19).
   */
  failed = false;
  private tail: Promise<unknown> = Promise.resolve();
  readonly ready: Promise<void>;

  constructor(
    readonly workshopId: string,
    private readonly store: Store,
    private readonly log: Logger,
    private readonly listener: RoomListener,
    /** Compact after this many stored updates. */
    private readonly compactEvery = 500,
    private readonly cardLimits = new CardLimits(),
    /** Several instances: every write is ordered through the database (I62). */
    private readonly ordered?: OrderedLog,
  ) {
    this.doc.clientID = SERVER_CLIENT_ID;
    this.doc.on('update', () => {
      this.wholeStep2 = null;
    });
    this.ready = this.enqueue(() => this.load());
  }

  /** Run `task` after every earlier task of this room; errors do not break the chain. */
  enqueue<T>(task: () => Promise<T> | T): Promise<T> {
    const run = this.tail.then(task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async load(): Promise<void> {
    const [loaded, participants, endorsements, facilitation] = await Promise.all([
      this.store.loadDocument(this.workshopId),
      this.store.listParticipants(this.workshopId),
      this.store.listEndorsements(this.workshopId),
      this.store.loadFacilitation(this.workshopId),
    ]);
    if (facilitation) this.setFacilitation(facilitation);
    const parts = loaded.snapshot ? [loaded.snapshot] : [];
    for (const u of loaded.updates) parts.push(u.data);
    // Applied one by one, in stored order, as the live room applied them: the room fuzz
    // test found boards where `Y.mergeUpdates` of the same log gives different text.
    this.doc.transact(() => {
      for (const part of parts) Y.applyUpdate(this.doc, part, 'load');
    }, 'load');
    // Yjs gives a doc a new random clientID when an applied update holds content under
    // its own: loading the server's earlier writes does exactly that (I19).
    this.doc.clientID = SERVER_CLIENT_ID;
    this.lastSeq = loaded.updates.at(-1)?.seq ?? loaded.snapshotSeq;
    this.sinceCompaction = loaded.updates.length;
    for (const b of loaded.bindings) this.bind(b);
    for (const c of loaded.cardCreators) this.creators.set(c.cardId, c.participantId);
    for (const p of participants) this.setParticipant(p);
    for (const e of endorsements) this.addEndorsement(e);
    for (const migration of [migrateOrderKeys, migrateRecords]) await this.migrate(migration);
    this.loaded = true;
  }

  /**
   * Run one load-time migration and store it before anyone is served (I71). On several
   * instances it is planned under the workshop's row lock after applying what the others
   * stored since this room read the log (I86): a board two instances load at once is
   * migrated by the first, and a write stored in between is applied, never skipped.
   */
  private async migrate(migration: LoadMigration): Promise<void> {
    const input = (data: Uint8Array) => migrationInput(this.workshopId, data);
    if (!this.ordered) {
      const update = migration(this.doc);
      if (update) this.lastSeq = await this.store.appendUpdate(input(update));
      return;
    }
    const { seq } = await this.ordered.appendOrdered(this.workshopId, async (log) => {
      await this.applyLog(log);
      const update = migration(this.doc);
      return update && { kind: 'update', input: input(update) };
    });
    // The facilitation state was not read: the next write catches up in full (I94).
    this.version = null;
    if (seq === null) return;
    this.lastSeq = seq;
    this.listener.stored?.(this.workshopId, seq);
  }

  /** Admit a connection: once the board is loaded, roster first, then sync step 1. */
  join(conn: RoomConn): Promise<void> {
    this.conns.add(conn);
    this.lastActive = Date.now();
    return this.enqueue(() => {
      if (!this.loaded) throw new Error('board not loaded');
      if (!this.conns.has(conn)) return;
      this.setParticipant(conn.participant);
      conn.send(encodeJsonMessage(MESSAGE_ROSTER, { entries: this.rosterFor(conn.participant) }));
      conn.send(step1Message(this.doc));
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
    if (this.failed) return this.refuse(conn, 'storeFailed', 'room reloading');
    this.lastActive = Date.now();
    return routeSync(data, {
      step1: (sv) => conn.send(this.step2For(sv)),
      step2: (u) => this.accept(conn, u, 'step2'),
      update: (u) => this.accept(conn, u, 'update'),
    });
  }

  /** Sync step 2 for `sv`; the whole board's is encoded once per version of the doc. */
  private step2For(sv: Uint8Array): Uint8Array {
    if (sv.length !== 1 || sv[0] !== 0) return step2Message(this.doc, sv);
    this.wholeStep2 ??= step2Message(this.doc, sv);
    return this.wholeStep2;
  }

  /** Validate, check card limits, store, then broadcast and apply one participant update. */
  private async accept(
    conn: RoomConn,
    raw: Uint8Array,
    mode: 'update' | 'step2',
    owners?: ReadonlyMap<number, string>,
    reveal = false,
  ): Promise<void> {
    // Nothing to inspect or store, whatever the document holds; on several instances this
    // skips a transaction under the workshop's row lock for every client that syncs.
    if (isEmptyUpdate(raw)) return;
    if (this.ordered) return this.acceptOrdered(this.ordered, conn, raw, mode, owners, reveal);
    const d = await this.decide(conn, raw, mode, owners, reveal);
    if (!d) return;
    const journalled = this.journalled(conn, d);
    if (!journalled && !(await this.storeUpdate(conn, d))) return;
    this.publish(conn, d.verdict, d.verdict.update as Uint8Array, d.bindings, journalled);
  }

  /**
   * The store's fast path (I92): true when the edit is durable in the journal, to be
   * committed right after its broadcast; false to store it the plain way first.
   */
  private journalled(conn: RoomConn, d: Decided): boolean {
    if (!this.store.journalUpdate) return false;
    try {
      const seq = this.store.journalUpdate(this.appendInput(conn, d));
      if (seq === null) return false;
      this.lastSeq = seq;
      return true;
    } catch {
      return false; // the plain path meets the same fault and reports it
    }
  }

  /** Commit the journalled edit; a failure leaves it journalled for the next write (I92). */
  private settle(): void {
    try {
      this.store.settleJournal?.();
    } catch (err) {
      this.log.error('an edit is journalled but not yet in the database; the next write retries', {
        workshop: this.workshopId,
        err,
      });
    }
  }

  /**
   * Several instances (I62, I63): under the workshop's row lock, apply what other instances
   * stored, inspect the update against that whole document, append it, commit; only then
   * broadcast it and tell the other instances.
   */
  private async acceptOrdered(
    ordered: OrderedLog,
    conn: RoomConn,
    raw: Uint8Array,
    mode: 'update' | 'step2',
    owners: ReadonlyMap<number, string> | undefined,
    reveal: boolean,
  ): Promise<void> {
    if (!owners && !reveal && (await this.acceptIfUnchanged(ordered, conn, raw, mode))) return;
    let decided: Decided | null = null;
    let versions: Versions | null = null;
    try {
      const r = await ordered.appendOrdered(this.workshopId, async (log) => {
        await this.catchUpOrdered(log);
        decided = await this.decide(conn, raw, mode, owners, reveal);
        return decided && { kind: 'update', input: this.appendInput(conn, decided) };
      });
      this.version = r.version;
      if (r.seq === null || !decided) return;
      this.lastSeq = r.seq;
      if (r.before !== null && r.version !== null) versions = { from: r.before, to: r.version };
    } catch (err) {
      this.version = null;
      this.log.error('store write failed; nothing applied', { workshop: this.workshopId, err });
      return this.refuse(conn, 'storeFailed', 'store write failed');
    }
    const d = decided as Decided;
    const update = d.verdict.update as Uint8Array;
    // The other instances first: sending to Redis is one queued write, and they can
    // broadcast to their clients while this one writes to its own.
    this.relayStored(update, versions);
    this.publish(conn, d.verdict, update, d.bindings);
  }

  /**
   * The fast path on several instances (I94). While this room knows the version of the
   * workshop's row that its document and facilitation state match, an update that binds no
   * clientID and adds no card is inspected against the document as it is and stored by one
   * statement that holds only if nobody wrote since: one round trip instead of a
   * transaction of five. False when the path does not apply, or someone wrote (nothing
   * stored): the ordered write then catches up and decides again, refusals included.
   */
  private async acceptIfUnchanged(
    ordered: OrderedLog,
    conn: RoomConn,
    raw: Uint8Array,
    mode: 'update' | 'step2',
  ): Promise<boolean> {
    const from = this.version;
    if (from === null) return false;
    const verdict = this.inspect(conn.participant, raw, mode, false);
    if (!verdict.ok || verdict.update === null) return false;
    if (verdict.createdCards.length > 0 || verdict.newBindings.length > 0) return false;
    const d: Decided = { verdict, bindings: [] };
    let to: string | null;
    try {
      to = await ordered.appendIfUnchanged(this.appendInput(conn, d), this.lastSeq, from);
    } catch {
      to = null; // the ordered write meets the same fault and reports it
    }
    this.version = to;
    if (to === null) return false;
    this.lastSeq += 1;
    this.relayStored(verdict.update, { from, to }); // first, as in `acceptOrdered`
    this.publish(conn, verdict, verdict.update, []);
    return true;
  }

  /** Tell the other instances about the entry just stored (I62), with its versions (I94). */
  private relayStored(update: Uint8Array, versions: Versions | null): void {
    this.listener.stored?.(this.workshopId, this.lastSeq, update, versions ?? undefined);
  }

  /**
   * Inspect one update (capability, locks, the agenda's step) and check card limits; the
   * one decision both write paths make. Null (and the sender refused) when refused.
   */
  private async decide(
    conn: RoomConn,
    raw: Uint8Array,
    mode: 'update' | 'step2',
    owners: ReadonlyMap<number, string> | undefined,
    reveal: boolean,
  ): Promise<Decided | null> {
    const p = conn.participant;
    const verdict = this.inspect(p, raw, mode, reveal);
    if (!verdict.ok) {
      this.refuse(conn, verdict.reason, verdict.detail);
      return null;
    }
    if (verdict.update === null) return null;
    const added = verdict.createdCards.length;
    // Typing adds no card: skip the limiter's await (admit returns null at once for none),
    // so an edit reaches its broadcast without an extra hop through the microtask queue.
    if (added > 0) {
      const limited = reveal
        ? this.cardLimits.boardFull(this.cardCount(), added)
        : await this.cardLimits.admit(this.workshopId, p.id, this.cardCount(), added);
      if (limited) {
        this.refuse(conn, limited, 'card limit');
        return null;
      }
    }
    // Whether the author could be named when this clientID was bound; it stays so (I26).
    // Counted only when something is bound: counting the groups walks every participant.
    const identifiable = verdict.newBindings.length > 0 && identifiableNow(p, this.groupSizes());
    const bindings = verdict.newBindings.map((clientId) => ({
      clientId,
      participantId: owners?.get(clientId) ?? p.id,
      identifiable,
    }));
    return { verdict, bindings };
  }

  /** Inspect one update of `p`'s against the document, its locks and the agenda's step. */
  private inspect(
    p: ParticipantRow,
    raw: Uint8Array,
    mode: 'update' | 'step2',
    reveal: boolean,
  ): InspectResult {
    return inspectUpdate(raw, {
      doc: this.doc,
      bindings: this.bindings,
      participantId: p.id,
      mayWrite: can(p.capability, 'board:write') && p.removedAt === null,
      // The room's row is current when a co-facilitator is made or unmade (I46).
      capability: this.participants.get(p.id)?.capability ?? p.capability,
      mode,
      // A revealed draft was checked against the locks when it was written (issue 11).
      locks: reveal || this.mayBypassLocks(p) ? undefined : this.locks,
      step: reveal || this.mayBypassLocks(p) ? undefined : this.step,
    });
  }

  private appendInput(conn: RoomConn, d: Decided): AppendInput {
    return {
      workshopId: this.workshopId,
      data: d.verdict.update as Uint8Array,
      participantId: conn.participant.id,
      bindings: d.bindings,
      attributions: attributionRows(d.verdict),
      createdCards: d.verdict.createdCards,
    };
  }

  /**
   * Under the row lock, before deciding: the log other instances stored, and the locks and
   * agenda step they set, which apply from the moment they were stored (I43, I52).
   */
  private async catchUpOrdered(log: LogReader): Promise<void> {
    await this.applyLog(log);
    const facilitation = await log.facilitation();
    if (facilitation) this.setFacilitation(facilitation);
  }

  /**
   * Apply what other instances stored since `lastSeq`, off a bus message (I62). `entry` is
   * the stored entry the message carried: when it is the next one, it is applied without
   * reading the log (I63: it was committed before it was sent). Catch-ups asked for while
   * one waits in the queue are that one: it reads everything stored until it runs.
   */
  catchUp(entry?: RelayedEntry): Promise<void> {
    if (this.pendingCatchUp && !entry) return this.pendingCatchUp;
    const run = this.enqueue(async () => {
      if (this.pendingCatchUp === run) this.pendingCatchUp = null;
      if (!this.loaded || this.failed) return;
      const log = this.store.logReader(this.workshopId);
      if (entry && entry.seq <= this.lastSeq) return;
      if (entry && entry.seq === this.lastSeq + 1) {
        const from = this.version;
        await this.applyLog(withEntry(log, entry));
        // Still in step with the database only if this entry was the only change (I94).
        this.version = from !== null && entry.versions?.from === from ? entry.versions.to : null;
        return;
      }
      this.version = null;
      await this.applyLog(log);
      // The log's tail, the facilitation state and the version come from one snapshot.
      const version = log.version?.() ?? null;
      if (version === null) return;
      const facilitation = await log.facilitation();
      if (facilitation) this.setFacilitation(facilitation);
      this.version = version;
    });
    if (!entry) this.pendingCatchUp = run;
    return run;
  }
  private pendingCatchUp: Promise<void> | null = null;
  /**
   * Several instances (I94): the version of the workshop's row that this room's document
   * and facilitation state match, or null when unknown (the next write catches up in full).
   */
  private version: string | null = null;

  /**
   * Apply and relay the log entries after `lastSeq`, in seq order: bindings (and the
   * people they name) first, so the roster precedes content that uses it (I8). Call it on
   * the queue. Entries come only from the database, so they are durable (I63).
   */
  private async applyLog(log: LogReader): Promise<void> {
    const tail = await log.since(this.lastSeq);
    const parts = tail.snapshot ? [tail.snapshot] : [];
    for (const u of tail.updates) parts.push(u.data);
    if (parts.length === 0) return this.countSince(tail.snapshotSeq, 0);
    const unknown = new Set<number>();
    for (const part of parts)
      for (const id of Y.parseUpdateMeta(part).to.keys())
        if (id !== SERVER_CLIENT_ID && !this.bindings.has(id)) unknown.add(id);
    const fresh = await log.bindingsFor([...unknown]);
    if (fresh.some((b) => !this.participants.has(b.participantId)))
      for (const p of await log.participants())
        if (!this.participants.has(p.id)) this.setParticipant(p);
    for (const b of fresh) this.bind(b);
    // Relay, then apply, in one synchronous step, as `publish` does: the entries are stored
    // and were inspected by the instance that stored them. While loading nobody is served
    // yet: a joining connection gets roster and board after (I7).
    if (this.loaded) {
      if (fresh.length > 0) this.broadcastRoster(fresh.map((b) => b.clientId));
      for (const part of parts) this.broadcastUpdate(part, null);
    }
    const cards = this.doc.getMap('cards');
    const added: string[] = [];
    const watch = (e: Y.YMapEvent<unknown>) => {
      for (const [key, change] of e.changes.keys) if (change.action === 'add') added.push(key);
    };
    cards.observe(watch);
    try {
      this.doc.transact(() => {
        for (const part of parts) Y.applyUpdate(this.doc, part, 'log');
      }, 'log');
    } finally {
      cards.unobserve(watch);
      this.doc.clientID = SERVER_CLIENT_ID; // see load() (I19)
    }
    this.lastSeq = Math.max(tail.snapshotSeq, tail.updates.at(-1)?.seq ?? 0);
    this.countSince(tail.snapshotSeq, tail.updates.length);
    for (const c of await log.creatorsFor(added)) this.creators.set(c.cardId, c.participantId);
  }

  /**
   * Entries to compact: counted from the newest snapshot, whichever instance wrote it, so
   * two instances do not both compact the same entries; a relayed entry (no snapshot seq)
   * adds its `applied`.
   */
  private countSince(snapshotSeq: number, applied: number): void {
    this.sinceCompaction =
      snapshotSeq > 0 ? Math.max(0, this.lastSeq - snapshotSeq) : this.sinceCompaction + applied;
  }

  /** How many cards the board has ever held (deleted ones can be restored, so they count). */
  private cardCount(): number {
    return this.doc.share.get('cards')?._map.size ?? 0;
  }

  /** Append an accepted update with its bindings and records; false (and closed) on failure. */
  private async storeUpdate(conn: RoomConn, d: Decided): Promise<boolean> {
    try {
      this.lastSeq = await this.store.appendUpdate(this.appendInput(conn, d));
      return true;
    } catch (err) {
      this.log.error('store write failed; nothing applied', { workshop: this.workshopId, err });
      this.refuse(conn, 'storeFailed', 'store write failed');
      return false;
    }
  }

  /** Bind, broadcast, apply and acknowledge a stored update. */
  private publish(
    conn: RoomConn,
    verdict: Inspection,
    update: Uint8Array,
    bindings: AppendInput['bindings'],
    journalled = false,
  ): void {
    const p = conn.participant;
    for (const b of bindings) this.bind(b);
    for (const id of verdict.createdCards) this.creators.set(id, p.id);
    // Broadcast, then apply, in one synchronous step: nothing can observe the doc in
    // between, and the others receive the edit without waiting for the server's own
    // applyUpdate (about 0.1 ms on an idle machine, measured in the fan-out bench).
    if (verdict.newBindings.length > 0) this.broadcastRoster(verdict.newBindings);
    const replaced = watchReplacements(this, p, verdict.attributions);
    this.broadcastUpdate(update, conn);
    if (journalled) this.settle();
    Y.applyUpdate(this.doc, update, conn);
    if (replaced) this.listener.cardNotices?.(this.workshopId, replaced());
    conn.send(encodeJsonMessage(MESSAGE_SAVED, { clocks: [...verdict.clocks] }));
    this.afterWrite([...verdict.attributions.keys()]);
  }

  /**
   * Accept an update the server built on `p`'s behalf (restoring a card version), through
   * the same checks, store and broadcast as their own edits; its new clientIDs are bound
   * as `owners` says (restored text keeps its writers). Call it from the queue.
   * Returns the update's seq, or null when it was refused.
   */
  async acceptOnBehalf(
    p: ParticipantRow,
    update: Uint8Array,
    owners: ReadonlyMap<number, string>,
  ): Promise<number | null> {
    let refused = false;
    const conn: RoomConn = { participant: p, send: () => undefined, close: () => (refused = true) };
    await this.accept(conn, update, 'update', owners);
    return refused ? null : this.lastSeq;
  }

  /**
   * Merge `p`'s revealed draft (issue 11, I57): one update through the same inspection,
   * store and broadcast as their own edits, its new clientIDs bound to them; the per-minute
   * card limit was counted when they drafted, and locks were checked then. Call it from the
   * queue. Null when stored (or nothing was new: a repeated reveal, I58); else why not.
   */
  async acceptDraft(p: ParticipantRow, update: Uint8Array): Promise<Reason | null> {
    let refused: Reason | null = null;
    const conn: RoomConn = {
      participant: p,
      send: () => undefined,
      close: () => undefined,
      refused: (reason) => {
        refused = reason;
      },
    };
    await this.accept(conn, update, 'update', undefined, true);
    return refused;
  }

  /** Null when `participantId` may add `adding` cards now (drafts count their cards here, I21). */
  admitCards(participantId: string, adding: number): Promise<Reason | null> {
    return this.cardLimits.admit(this.workshopId, participantId, this.cardCount(), adding);
  }

  private refuse(conn: RoomConn, reason: Reason, detail: string): void {
    this.log.warn('closing a Yjs connection', { workshop: this.workshopId, reason, detail });
    this.listener.refused?.(reason);
    conn.refused?.(reason);
    this.conns.delete(conn);
    conn.close(REASON_INFO[reason].close, REASON_INFO[reason].message.slice(0, 120));
  }

  private broadcastUpdate(update: Uint8Array, except: RoomConn | null): void {
    const message = updateMessage(update);
    const shared: Shared = {};
    for (const c of this.conns) if (c !== except) c.send(message, shared);
  }

  private afterWrite(touched: string[]): void {
    this.sinceCompaction++;
    this.listener.written?.(this.workshopId);
    const endorsed = touched.filter((id) => this.endorsements.has(id));
    if (endorsed.length > 0) this.listener.cardsChanged(this.workshopId, endorsed);
    if (this.sinceCompaction >= this.compactEvery) void this.compact();
  }

  /** Write the merged state as a snapshot and drop the updates it covers, off the queue. */
  async compact(): Promise<void> {
    // A failed room's doc holds a write the store lacks: never snapshot it (I19).
    if (this.compacting || this.sinceCompaction === 0 || this.failed) return;
    this.compacting = true;
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    const upto = this.lastSeq;
    const covered = this.sinceCompaction;
    try {
      // Turns between the steps, as within keepHistory: on SQLite each resolves at once.
      await nextTurn();
      await this.store.keepHistory(this.workshopId, upto);
      await nextTurn();
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
  groupSizes(): GroupSizes {
    this.sizes ??= Object.freeze(groupSizes(this.people.values()));
    return this.sizes;
  }

  private setParticipant(p: ParticipantRow): void {
    const old = this.people.get(p.id);
    this.people.set(p.id, p);
    // Every connection re-reads its person: recounting the groups each time made a crowd
    // of N reconnecting people cost N² steps. Only a change the count reads clears it.
    if (!old || old.group !== p.group || !old.removedAt !== !p.removedAt) this.sizes = null;
  }

  private bind(b: { clientId: number; participantId: string; identifiable?: boolean }): void {
    this.bindings.set(b.clientId, b.participantId);
    this.boundIdentifiable.set(b.clientId, b.identifiable === true);
  }

  /**
   * Whether everything `participantId` wrote on this board was written while they could be
   * named: false if any of their clientIDs was bound while they could not (I26). History and
   * notices name per person, not per clientID, so they take the cautious answer.
   */
  identifiableThen(participantId: string): boolean {
    let any = false;
    for (const [clientId, pid] of this.bindings) {
      if (pid !== participantId) continue;
      if (this.boundIdentifiable.get(clientId) !== true) return false;
      any = true;
    }
    return any;
  }

  /** One clientID as `viewer` may see it: the visibility policy decides (I12, I26). */
  private entryFor(
    clientId: number,
    viewer: ParticipantRow,
    sizes: GroupSizes,
  ): RosterEntry | null {
    const pid = this.bindings.get(clientId);
    const author = pid ? this.participants.get(pid) : undefined;
    if (!author?.group) return null;
    const then = this.boundIdentifiable.get(clientId) === true;
    return { clientId, group: author.group, ...authorshipFor(viewer, author, then, sizes) };
  }

  /** The whole roster as `viewer` may see it. */
  rosterFor(
    viewer: ParticipantRow,
    clientIds: Iterable<number> = this.bindings.keys(),
    sizes: GroupSizes = this.groupSizes(),
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

  /**
   * A participant joined or changed (removed, erased, name hidden): names may now be
   * shown or hidden, so resend the roster to everyone when anything it shows changed.
   */
  participantUpdated(p: ParticipantRow): void {
    const old = this.participants.get(p.id);
    // Counting walks every participant, and every welcome calls this: count only when the
    // person's group or removal changed, the only fields the counts read.
    const recount = !old || old.group !== p.group || old.removedAt !== p.removedAt;
    const before = recount && p.group ? this.groupSizes()[p.group] : 0;
    this.setParticipant(p);
    const after = recount && p.group ? this.groupSizes()[p.group] : 0;
    const crossed = before < MIN_GROUP_FOR_ATTRIBUTION !== after < MIN_GROUP_FOR_ATTRIBUTION;
    const changed =
      old !== undefined &&
      (old.name !== p.name || old.anonymous !== p.anonymous || old.removedAt !== p.removedAt);
    if (crossed || changed || p.removedAt) this.broadcastRoster(null);
  }

  /** Whether `p` may write to locked content now: the room's row is current (I46). */
  mayBypassLocks(p: ParticipantRow): boolean {
    return can(this.participants.get(p.id)?.capability ?? p.capability, 'lock:bypass');
  }

  /** True when the card (or its section) is locked and `p` may not bypass locks (I43). */
  lockedFor(p: ParticipantRow, cardId: string, section: string): boolean {
    if (this.mayBypassLocks(p)) return false;
    return this.locks.cards.has(cardId) || this.locks.sections.has(section);
  }

  /** Replace the locked cards and sections (issue 11); the next update is checked against them. */
  setLocks(locks: { cards: readonly string[]; sections: readonly string[] }): void {
    this.locks = { cards: new Set(locks.cards), sections: new Set(locks.sections) };
  }

  /** Take the locks and the agenda's current step from the stored facilitation state. */
  setFacilitation(s: FacilitationState): void {
    this.setLocks(s.locks);
    const rules = stepRules(s.agenda);
    this.step = stepSet(rules);
    this.votingClosed = votingClosedMessage(s.agenda);
  }

  /** True when the current step closes `section` for editing and `p` is not a facilitator (I52). */
  stepClosedFor(p: ParticipantRow, section: string): boolean {
    return Boolean(this.step && !this.step.editing.has(section) && !this.mayBypassLocks(p));
  }

  /** Close every live connection (the workshop was deleted). */
  closeAll(reason: Reason): void {
    for (const c of [...this.conns]) this.refuse(c, reason, 'workshop deleted');
  }

  /** Close every live connection of these participants (revoked link, removal). */
  closeParticipants(ids: ReadonlySet<string>, reason: Reason): void {
    for (const c of [...this.conns]) {
      if (ids.has(c.participant.id)) this.refuse(c, reason, 'access ended');
    }
  }

  // ── Server-authoritative card facts ─────────────────────────────────────────────

  /** An endorsement another instance stored (I65). */
  endorsedElsewhere(e: EndorsementRow): void {
    this.addEndorsement(e);
  }

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
      // The text may have changed on another instance: check against the stored log.
      if (this.ordered) await this.applyLog(this.store.logReader(this.workshopId));
      const card = readRecord(this.doc, cardId);
      if (!card || card.deleted) return fail('unknownCard');
      // Every field a participant writes (I70); a plain card's hash is its text's.
      if (recordHash(card) !== hash) return fail('staleText');
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
      this.listener.endorsed?.(row);
      this.listener.cardsChanged(this.workshopId, [cardId]);
      return { ok: true };
    });
  }

  /** Delete (or restore) a card as the server, after checking who may. */
  setDeleted(p: ParticipantRow, cardId: string, deleted: boolean): Promise<Result> {
    const ordered = this.ordered;
    if (ordered) return this.enqueue(() => this.setDeletedOrdered(ordered, p, cardId, deleted));
    return this.enqueue(
      async (): Promise<Result> =>
        (await this.mayDelete(p, cardId, deleted)) ?? this.serverWrite(p, cardId, deleted),
    );
  }

  /** Who may delete or restore this card now, in this doc; null when they may. */
  private async mayDelete(
    p: ParticipantRow,
    cardId: string,
    deleted: boolean,
  ): Promise<Result | null> {
    const card = readCard(this.doc, cardId);
    if (!card) return fail('unknownCard');
    const own = this.creators.get(cardId) === p.id;
    const allowed = deleted
      ? can(p.capability, 'card:delete-any') || (own && can(p.capability, 'card:delete-own'))
      : can(p.capability, 'card:restore') || (await deletedBySelf(this.store, p, cardId));
    if (!allowed)
      return fail('forbidden', deleted ? 'You can only delete cards you made.' : undefined);
    if (this.lockedFor(p, cardId, card.section)) return fail('locked');
    if (this.stepClosedFor(p, card.section)) return fail('stepClosed', STEP_CLOSED_CARD);
    if (card.deleted === deleted) return { ok: true };
    return null;
  }

  /**
   * Several instances (I62): catch up, check and write as the server under the row lock. A
   * failed commit leaves the doc with a write the store lacks, so the room reloads (I19).
   */
  private async setDeletedOrdered(
    ordered: OrderedLog,
    p: ParticipantRow,
    cardId: string,
    deleted: boolean,
  ): Promise<Result> {
    let answer: Result = { ok: true };
    let update: Uint8Array | null = null;
    let versions: Versions | null = null;
    try {
      const r = await ordered.appendOrdered(this.workshopId, async (log) => {
        await this.catchUpOrdered(log);
        const refused = await this.mayDelete(p, cardId, deleted);
        if (refused) {
          answer = refused;
          return null;
        }
        update = this.writeDeleted(cardId, deleted);
        return (
          update && { kind: 'server', input: this.serverWriteInput(p, cardId, deleted, update) }
        );
      });
      this.version = r.version;
      if (r.seq === null || !update) return answer;
      this.lastSeq = r.seq;
      if (r.before !== null && r.version !== null) versions = { from: r.before, to: r.version };
    } catch (err) {
      this.version = null;
      this.log.error('server write not stored', { workshop: this.workshopId, err });
      if (update) this.giveUp();
      return fail('storeFailed');
    }
    this.broadcastUpdate(update, null);
    this.afterWrite([]);
    this.relayStored(update, versions);
    return answer;
  }

  /** Set the card's `deleted` flag as the server; the update, or null when nothing changed. */
  private writeDeleted(cardId: string, deleted: boolean): Uint8Array | null {
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array) => {
      update = u;
    };
    this.doc.clientID = SERVER_CLIENT_ID; // Yjs may have changed it on a clientID clash (I19)
    this.doc.once('update', capture);
    setCardDeleted(this.doc, cardId, deleted, 'server');
    this.doc.off('update', capture);
    return update;
  }

  private serverWriteInput(
    p: ParticipantRow,
    cardId: string,
    deleted: boolean,
    data: Uint8Array,
  ): ServerWriteInput {
    const event = {
      workshopId: this.workshopId,
      cardId,
      participantId: p.id,
      action: deleted ? ('delete' as const) : ('restore' as const),
      at: new Date().toISOString(),
      identifiable: identifiableNow(p, this.groupSizes()),
    };
    return { workshopId: this.workshopId, data, event };
  }

  private async serverWrite(p: ParticipantRow, cardId: string, deleted: boolean): Promise<Result> {
    const update = this.writeDeleted(cardId, deleted);
    if (!update) return { ok: true };
    if (!(await this.storeServerWrite(this.serverWriteInput(p, cardId, deleted, update)))) {
      return fail('storeFailed');
    }
    this.broadcastUpdate(update, null);
    this.afterWrite([]);
    return { ok: true };
  }

  /**
   * The doc already holds a server write nobody has seen: store it (one transaction, so a
   * retry never appends twice), trying SERVER_WRITE_ATTEMPTS times. After that the room
   * fails: every connection closes with the transient code and reconnects to a room loaded
   * afresh from the store, where the write never happened (I19).
   */
  private async storeServerWrite(input: ServerWriteInput): Promise<boolean> {
    for (let attempt = 1; attempt <= SERVER_WRITE_ATTEMPTS; attempt++) {
      try {
        this.lastSeq = await this.store.appendServerWrite(input);
        return true;
      } catch (err) {
        this.log.error('server write not stored', { workshop: this.workshopId, attempt, err });
        if (attempt < SERVER_WRITE_ATTEMPTS)
          await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      }
    }
    this.giveUp();
    return false;
  }

  /** The doc holds a write the store lacks: serve nobody; the registry reloads the board. */
  private giveUp(): void {
    this.failed = true;
    this.log.error('giving up on a server write; reloading the board', {
      workshop: this.workshopId,
    });
    for (const c of [...this.conns]) this.refuse(c, 'storeFailed', 'server write not stored');
  }
}

/**
 * The attribution rows of an accepted update: one per record and field written (I70), and
 * a `text` row of 0/0 for a record it creates without writing into any field.
 */
/** `log`, but its tail is the one entry another instance sent (I63); the rest is read. */
function withEntry(log: LogReader, entry: RelayedEntry): LogReader {
  const { seq, data } = entry;
  return {
    ...log,
    since: async () => ({ snapshot: null, snapshotSeq: 0, updates: [{ seq, data }] }),
  };
}

export function attributionRows(verdict: Inspection): AttributionInput[] {
  const rows: AttributionInput[] = [];
  for (const [cardId, total] of verdict.attributions) {
    const fields = verdict.fieldAttributions.get(cardId);
    if (!fields || fields.size === 0) rows.push({ cardId, field: 'text', ...total });
    else for (const [field, a] of fields) rows.push({ cardId, field, ...a });
  }
  return rows;
}

/**
 * An update with no structs and no deletions (a fresh document's sync step 2, as every
 * page load sends): exactly two zero varuints in Yjs's v1 encoding.
 */
function isEmptyUpdate(raw: Uint8Array): boolean {
  return raw.length === 2 && raw[0] === 0 && raw[1] === 0;
}
