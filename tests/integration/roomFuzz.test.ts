/**
 * Seeded fuzz of the real `Room` (issue 8 §1–3), in the way tldraw's sync fuzz test drives
 * its room: a real SQLite store in a temp folder, in-memory connections (the Room's own
 * `RoomConn` seam), contributors of both groups, a facilitator and an observer making random
 * honest edits, and an attacker sending the worst frames we know, foreign clientIDs,
 * replaced cards, deletions of others' cards and clock gaps. After every step:
 *
 * - every connected participant's doc has converged with the server's;
 * - no saved card is lost or changed in its deletion flag except by an allowed party;
 * - creators are unchanged, in the room and in the doc;
 * - nothing acknowledged "saved" is missing from the server's doc, nothing is pending;
 * - the server's doc writes as clientID 0;
 * and, every few steps and at the end, the stored log replays to the same board.
 * A failing seed prints itself; pin it in PINNED_SEEDS as a regression case.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeRawUpdate } from '../../bench/lib/rawUpdate';
import {
  type MemoryConn,
  type Role,
  RoomRig,
  step2Message,
  updateMessage,
} from '../../bench/lib/roomRig';
import { type Base, SHAPES } from '../../bench/lib/worstFrames';
import {
  applyTextEdit,
  CARD_KEYS,
  cardsMap,
  cardText,
  createCard,
  moveCard,
  readBoard,
  readCard,
} from '../../lib/board/doc';
import { SECTIONS } from '../../lib/board/sections';
import { REASON_INFO } from '../../lib/protocol/reasons';

/**
 * Seeds that once failed; they run first, every time. A seed replays the same steps only
 * with the step table it failed with. 4 (table of commit 56f7972): a reload through
 * Y.mergeUpdates disagreed with the live board.
 */
const PINNED_SEEDS: number[] = [4];
/** Fresh seeds per run of the suite; the run is deterministic for a given list. */
const SEEDS = [...PINNED_SEEDS, 1, 2, 3, 5, 6];
const STEPS = 60;

/** mulberry32: small, fast and good enough to drive a fuzz test. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  return { next, int, pick };
}

type Rng = ReturnType<typeof rng>;

const PEOPLE: [string, Role][] = [
  ['pat', 'people'],
  ['pip', 'people'],
  ['sam', 'system'],
  ['olu', 'observer'],
  ['mal', 'system'], // the attacker
];

/** A participant's live connection and the updates its doc made locally. */
interface Peer {
  id: string;
  conn: MemoryConn;
  outbox: Uint8Array[];
}

/** What the test knows was saved: card → creator and deletion flag. */
interface Model {
  cards: Map<string, { creator: string; deleted: boolean }>;
}

class Fuzz {
  readonly peers = new Map<string, Peer>();
  readonly model: Model = { cards: new Map() };
  private nextClient: number;
  private nextCard = 0;
  /** The attacker's own card, and its clientID (bound on its first write). */
  malCard = '';
  malClient = 0;
  malChars: { client: number; clock: number }[] = [];
  readonly log: string[] = [];
  /** Why the room closed connections, as it logged it. */
  refusals: string[] = [];

  constructor(
    readonly rig: RoomRig,
    readonly r: Rng,
    seed: number,
  ) {
    this.nextClient = 1_000 + seed * 1_000;
  }

  get room() {
    return this.rig.room;
  }

  /** (Re)connect `id` with a fresh doc and clientID, as a reloaded browser tab would. */
  async connect(id: string, clientID = this.nextClient++): Promise<Peer> {
    const conn = await this.rig.connect(id, clientID);
    const peer: Peer = { id, conn, outbox: [] };
    conn.doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin !== 'server') peer.outbox.push(u);
    });
    this.peers.set(id, peer);
    return peer;
  }

  /** Send what `peer` changed locally; true when the room kept the connection open. */
  async flush(peer: Peer): Promise<boolean> {
    for (const u of peer.outbox.splice(0)) {
      await this.room.handleMessage(peer.conn, updateMessage(u));
      if (peer.conn.closed) break;
    }
    if (!peer.conn.closed) return true;
    if (peer.id !== 'olu') {
      // An honest edit is never refused, except by the card limits (I21).
      expect(
        [REASON_INFO.boardFull.close, REASON_INFO.cardsTooFast.close],
        `${peer.id}'s honest edit was refused`,
      ).toContain(peer.conn.closed.code);
    }
    this.room.leave(peer.conn);
    await this.connect(peer.id);
    return false;
  }

  newCardId(): string {
    return `f${this.nextCard++}`;
  }

  liveCards(doc: Y.Doc): string[] {
    return readBoard(doc)
      .filter((c) => !c.deleted)
      .map((c) => c.id);
  }

  // ── honest steps ───────────────────────────────────────────────────────────

  async create(who: string): Promise<void> {
    const peer = this.peers.get(who) as Peer;
    const id = this.newCardId();
    createCard(peer.conn.doc, this.r.pick(SECTIONS), `card ${id}`, { id });
    const kept = await this.flush(peer);
    this.log.push(`${who} creates ${id}${kept ? '' : ' (refused)'}`);
    if (kept) this.model.cards.set(id, { creator: who, deleted: false });
  }

  async type(who: string): Promise<void> {
    const peer = this.peers.get(who) as Peer;
    const ids = this.liveCards(peer.conn.doc);
    if (ids.length === 0) return;
    const id = this.r.pick(ids);
    const text = readCard(peer.conn.doc, id)?.text ?? '';
    const at = this.r.int(text.length + 1);
    const next =
      this.r.next() < 0.7
        ? `${text.slice(0, at)}${'abc xyz'.slice(0, 1 + this.r.int(6))}${text.slice(at)}`
        : `${text.slice(0, at)}${text.slice(at + 1 + this.r.int(3))}`;
    applyTextEdit(peer.conn.doc, id, next);
    const kept = await this.flush(peer);
    this.log.push(`${who} types in ${id}${kept ? '' : ' (refused)'}`);
  }

  async move(who: string): Promise<void> {
    const peer = this.peers.get(who) as Peer;
    const ids = this.liveCards(peer.conn.doc);
    if (ids.length === 0) return;
    const id = this.r.pick(ids);
    moveCard(peer.conn.doc, id, this.r.pick(SECTIONS), this.r.int(3));
    const kept = await this.flush(peer);
    this.log.push(`${who} moves ${id}${kept ? '' : ' (refused)'}`);
  }

  async setDeleted(who: string, deleted: boolean): Promise<void> {
    const ids = [...this.model.cards.keys()];
    if (ids.length === 0) return;
    const id = this.r.pick(ids);
    const p = this.rig.people.get(who);
    if (!p) return;
    const result = await this.room.setDeleted(p, id, deleted);
    this.log.push(
      `${who} ${deleted ? 'deletes' : 'restores'} ${id}: ${result.ok ? 'ok' : result.reason}`,
    );
    const card = this.model.cards.get(id);
    if (result.ok && card) card.deleted = deleted;
  }

  async observerWrites(): Promise<void> {
    const peer = this.peers.get('olu') as Peer;
    createCard(peer.conn.doc, 'context', 'observer text', { id: this.newCardId() });
    const kept = await this.flush(peer);
    this.log.push(`olu writes${kept ? ' (KEPT!)' : ' (refused)'}`);
    expect(kept).toBe(false);
  }

  /** A peer goes away and comes back with a fresh tab (new clientID, full sync). */
  async reconnect(who: string): Promise<void> {
    const peer = this.peers.get(who) as Peer;
    this.room.leave(peer.conn);
    await this.connect(who);
    this.log.push(`${who} reconnects`);
  }

  // ── hostile steps (the attacker "mal", a staff contributor) ─────────────────

  /** A doc of the attacker's, synced with the server, writing under its bound clientID. */
  private malDoc(): Y.Doc {
    const doc = new Y.Doc();
    doc.clientID = this.malClient;
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(this.room.doc));
    doc.clientID = this.malClient; // applying its own content made Yjs pick a new one
    return doc;
  }

  /** Send one raw update as the attacker; the connection is replaced if it was closed. */
  private async malSend(what: string, update: Uint8Array, step2 = false): Promise<void> {
    const peer = this.peers.get('mal') as Peer;
    await this.room.handleMessage(peer.conn, step2 ? step2Message(update) : updateMessage(update));
    const closed = peer.conn.closed;
    this.log.push(`mal ${what}: ${closed ? `closed ${closed.code}` : 'kept'}`);
    // The server relays an update to everyone but its sender, who has it already; this
    // attacker built it elsewhere, so its connection's doc takes what the server kept.
    const doc = peer.conn.doc;
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(this.room.doc, Y.encodeStateVector(doc)), 'server');
    if (closed) {
      this.room.leave(peer.conn);
      await this.connect('mal');
    }
  }

  async malShape(): Promise<void> {
    const shape = this.r.pick(SHAPES);
    const base: Base = {
      server: this.room.doc,
      sender: this.malDoc(),
      cardId: this.malCard,
      chars: this.malChars,
    };
    const n = 1 + this.r.int(300);
    await this.malSend(`${shape.name} ×${n}`, shape.build(base, n), this.r.next() < 0.3);
  }

  /** A forged run split over frames, so no one frame holds two items in one place. */
  async malSplitShape(): Promise<void> {
    const shape = this.r.pick(SHAPES.filter((x) => x.name.startsWith('same-origin')));
    for (let i = 0; i < 2 + this.r.int(3); i++) {
      const base: Base = {
        server: this.room.doc,
        sender: this.malDoc(),
        cardId: this.malCard,
        chars: this.malChars,
      };
      await this.malSend(`${shape.name} ×1 (part ${i + 1})`, shape.build(base, 1));
    }
  }

  async malForeign(): Promise<void> {
    const victim = this.r.pick(['pat', 'pip', 'sam']);
    const victimClient = (this.peers.get(victim) as Peer).conn.doc.clientID;
    // Only clientIDs already in use are known to others (the roster lists bound ones).
    if (!this.room.bindings.has(victimClient)) return;
    const doc = this.malDoc();
    doc.clientID = victimClient;
    const out: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => out.push(u));
    createCard(doc, 'context', `forged as ${victim}`, { id: this.newCardId() });
    await this.malSend(`writes as ${victim}`, out[0] as Uint8Array, this.r.next() < 0.5);
  }

  async malReplace(): Promise<void> {
    const ids = [...this.model.cards.keys()];
    if (ids.length === 0) return;
    const id = this.r.pick(ids);
    const card = cardsMap(this.room.doc).get(id);
    const item = card?._item;
    if (!item) return;
    const client = this.malClient;
    const clock = Y.getState(this.room.doc.store, client);
    const update = encodeRawUpdate({
      clients: [
        {
          client,
          clock,
          items: [
            {
              origin: { client: item.id.client, clock: item.id.clock },
              content: { kind: 'type', type: 'map' },
            },
            {
              parent: { client, clock },
              parentSub: CARD_KEYS.section,
              content: { kind: 'any', value: 'context' },
            },
            {
              parent: { client, clock },
              parentSub: CARD_KEYS.order,
              content: { kind: 'any', value: 'a' },
            },
            {
              parent: { client, clock },
              parentSub: CARD_KEYS.text,
              content: { kind: 'type', type: 'text' },
            },
          ],
        },
      ],
    });
    await this.malSend(`replaces ${id}`, update);
  }

  async malDeleteCard(): Promise<void> {
    const ids = [...this.model.cards.keys()];
    if (ids.length === 0) return;
    const id = this.r.pick(ids);
    const doc = this.malDoc();
    const out: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => out.push(u));
    if (this.r.next() < 0.5) cardsMap(doc).delete(id);
    else
      cardsMap(doc)
        .get(id)
        ?.set(CARD_KEYS.deleted, this.r.next() < 0.5);
    if (out[0]) await this.malSend(`deletes ${id}`, out[0]);
  }

  async malGap(): Promise<void> {
    const client = this.malClient;
    const clock = Y.getState(this.room.doc.store, client) + 1 + this.r.int(5);
    const update = encodeRawUpdate({
      clients: [
        {
          client,
          clock,
          items: [
            {
              parent: 'cards',
              parentSub: this.newCardId(),
              content: { kind: 'type', type: 'map' },
            },
          ],
        },
      ],
    });
    await this.malSend(`gap at ${clock}`, update);
  }

  /** The attacker's honest start: one card of its own, 40 characters typed at once. */
  async malSetup(): Promise<void> {
    const peer = this.peers.get('mal') as Peer;
    this.malClient = peer.conn.doc.clientID;
    this.malCard = this.newCardId();
    createCard(peer.conn.doc, 'context', '', { id: this.malCard });
    const start = Y.getState(peer.conn.doc.store, this.malClient);
    cardText(peer.conn.doc, this.malCard)?.insert(0, 'm'.repeat(40));
    this.malChars = Array.from({ length: 40 }, (_, i) => ({
      client: this.malClient,
      clock: start + i,
    }));
    expect(await this.flush(peer)).toBe(true);
    this.model.cards.set(this.malCard, { creator: 'mal', deleted: false });
  }

  // ── invariants ─────────────────────────────────────────────────────────────

  check(): void {
    const doc = this.room.doc;
    expect(doc.clientID, '[I19] the server writes as clientID 0').toBe(0);
    expect(doc.store.pendingStructs, '[I20] nothing pending').toBeNull();
    expect(doc.store.pendingDs, '[I20] no pending deletions').toBeNull();
    const board = readBoard(doc);
    const sv = Y.encodeStateVector(doc);
    for (const peer of this.peers.values()) {
      expect(readBoard(peer.conn.doc), `${peer.id} converged`).toEqual(board);
      expect(Y.encodeStateVector(peer.conn.doc), `${peer.id} state`).toEqual(sv);
      for (const [client, clock] of peer.conn.saved) {
        expect(
          Y.getState(doc.store, client),
          `[I20] ${peer.id} saved ${client}`,
        ).toBeGreaterThanOrEqual(clock);
      }
    }
    for (const [id, want] of this.model.cards) {
      const card = readCard(doc, id);
      expect(card, `[I6] card ${id} is still there`).not.toBeNull();
      expect(card?.deleted, `card ${id} deleted only by an allowed party`).toBe(want.deleted);
      expect(this.room.creators.get(id), `[I20] creator of ${id}`).toBe(want.creator);
      const creatorClient = card?.creatorClientId ?? -1;
      expect(this.room.bindings.get(creatorClient), `[I20] creator clientID of ${id}`).toBe(
        want.creator,
      );
    }
  }

  /** The stored log (snapshot and updates) replays to the server's board. */
  async checkReplay(): Promise<void> {
    const loaded = await this.rig.store.loadDocument(this.rig.workshopId);
    const replay = new Y.Doc();
    if (loaded.snapshot) Y.applyUpdate(replay, loaded.snapshot);
    for (const u of loaded.updates) Y.applyUpdate(replay, u.data);
    expect(replay.store.pendingStructs, 'the log has nothing pending').toBeNull();
    expect(readBoard(replay), 'the stored log replays to the same board').toEqual(
      readBoard(this.room.doc),
    );
    expect(Y.encodeStateVector(replay)).toEqual(Y.encodeStateVector(this.room.doc));
  }
}

async function runSeed(seed: number): Promise<void> {
  const refusals: string[] = [];
  const logger = {
    info: () => {},
    warn: (_m: string, f?: Record<string, unknown>) => refusals.push(`${f?.reason}: ${f?.detail}`),
    error: (m: string) => refusals.push(m),
  };
  const rig = await RoomRig.open(PEOPLE, logger);
  const fuzz = new Fuzz(rig, rng(seed), seed);
  fuzz.refusals = refusals;
  try {
    for (const id of ['f', ...PEOPLE.map(([p]) => p)]) await fuzz.connect(id);
    await fuzz.malSetup();
    const writers = ['pat', 'pip', 'sam', 'f'];
    const steps: [number, () => Promise<void>][] = [
      [6, () => fuzz.create(fuzz.r.pick(writers))],
      [8, () => fuzz.type(fuzz.r.pick(writers))],
      [3, () => fuzz.move(fuzz.r.pick(writers))],
      [2, () => fuzz.setDeleted(fuzz.r.pick([...writers, 'olu']), true)],
      [1, () => fuzz.setDeleted(fuzz.r.pick(['f', 'pat']), false)],
      [1, () => fuzz.observerWrites()],
      [1, () => fuzz.reconnect(fuzz.r.pick([...writers, 'olu']))],
      [4, () => fuzz.malShape()],
      [1, () => fuzz.malSplitShape()],
      [1, () => fuzz.malForeign()],
      [1, () => fuzz.malReplace()],
      [1, () => fuzz.malDeleteCard()],
      [1, () => fuzz.malGap()],
    ];
    const total = steps.reduce((a, [w]) => a + w, 0);
    for (let i = 0; i < STEPS; i++) {
      const roll = fuzz.r.int(total);
      let sum = 0;
      const step = steps.find(([w]) => {
        sum += w;
        return roll < sum;
      });
      await step?.[1]();
      fuzz.check();
      if (i % 15 === 14) await fuzz.checkReplay();
    }
    await fuzz.checkReplay();
    // A board reloaded from the store is the same board, still written as clientID 0.
    const before = readBoard(rig.room.doc);
    await rig.reload();
    expect(readBoard(rig.room.doc)).toEqual(before);
    expect(rig.room.doc.clientID).toBe(0);
  } catch (err) {
    throw new Error(
      `room fuzz failed with seed ${seed} (pin it in PINNED_SEEDS); last steps:\n  ${fuzz.log.slice(-8).join('\n  ')}\nlast refusals:\n  ${refusals.slice(-4).join('\n  ')}\n${String(err)}`,
    );
  } finally {
    await rig.close();
  }
}

describe('[I18][I19][I20] room fuzz: honest and hostile participants, invariants after every step', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}`, async () => {
      await runSeed(seed);
    });
  }
});
