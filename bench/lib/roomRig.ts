/**
 * A real `Room` over a real SQLite store in a temp folder, with in-memory connections (the
 * Room's own `RoomConn` seam). Each connection keeps a Y.Doc that applies what the server
 * sends, so tests can check convergence. Used by the worst-frame bench and the room fuzz test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MESSAGE_SAVED, MESSAGE_SYNC, readJsonPayload } from '../../lib/protocol/yjsMessages';
import type { Logger } from '../../server/log';
import type { ParticipantRow, Store } from '../../server/store/Store';
import { openSqliteStore } from '../../server/store/sqliteStore';
import { CardLimits } from '../../server/yjs/cardLimits';
import { Room, type RoomConn } from '../../server/yjs/room';

const T0 = '2026-12-01T10:00:00.000Z';

/** Who takes part in a rig's workshop. */
export type Role = 'facilitator' | 'people' | 'system' | 'observer';

/** A connection held in memory: it records what the server sent and keeps a doc in sync. */
export class MemoryConn implements RoomConn {
  readonly doc = new Y.Doc();
  closed: { code: number; reason: string } | null = null;
  /** Highest clock per clientID the server said it saved. */
  readonly saved = new Map<number, number>();
  messages = 0;

  constructor(
    readonly participant: ParticipantRow,
    clientID: number,
  ) {
    this.doc.clientID = clientID;
  }

  send(message: Uint8Array): void {
    this.messages++;
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MESSAGE_SYNC);
      syncProtocol.readSyncMessage(decoder, reply, this.doc, 'server');
    } else if (type === MESSAGE_SAVED) {
      const { clocks } = readJsonPayload(decoder) as { clocks: [number, number][] };
      for (const [c, k] of clocks) this.saved.set(c, Math.max(this.saved.get(c) ?? 0, k));
    }
  }

  close(code: number, reason: string): void {
    this.closed = { code, reason };
  }
}

/** Frame a Yjs update as a sync message (what y-websocket sends for a local change). */
export function updateMessage(update: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MESSAGE_SYNC);
  syncProtocol.writeUpdate(enc, update);
  return encoding.toUint8Array(enc);
}

/** Frame a sync step 2 carrying `update`. */
export function step2Message(update: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MESSAGE_SYNC);
  encoding.writeVarUint(enc, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(enc, update);
  return encoding.toUint8Array(enc);
}

const quiet: Logger = { info: () => {}, warn: () => {}, error: () => {} };

function person(w: string, id: string, role: Role): ParticipantRow {
  const group = role === 'people' ? 'people' : role === 'system' ? 'system' : null;
  return {
    id,
    workshopId: w,
    inviteId: role === 'facilitator' ? null : `${w}-i-${role}`,
    name: `Name ${id}`,
    anonymous: false,
    accessNeeds: null,
    group: role === 'facilitator' ? 'system' : group,
    capability:
      role === 'facilitator' ? 'facilitator' : role === 'observer' ? 'observer' : 'contributor',
    personalToken: `personal-${id}`,
    createdAt: T0,
    removedAt: null,
  };
}

/** A workshop, its store and a room; `close()` removes the temp folder. */
export class RoomRig {
  room!: Room;
  readonly people = new Map<string, ParticipantRow>();
  /** Card limits for every room this rig loads (one counter, as in the server). */
  cardLimits = new CardLimits();
  private constructor(
    readonly store: Store,
    readonly workshopId: string,
    private readonly dir: string,
    readonly log: Logger,
  ) {}

  /** Open a fresh store with workshop `w`, its facilitator `f` and the given participants. */
  static async open(
    participants: [string, Role][] = [],
    log: Logger = quiet,
    w = 'w1',
  ): Promise<RoomRig> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'purple-rig-'));
    const store = await openSqliteStore({ file: path.join(dir, 'purple.db') });
    const rig = new RoomRig(store, w, dir, log);
    const facilitator = person(w, 'f', 'facilitator');
    const kinds = ['people', 'system', 'observer'] as const;
    await store.createWorkshop(
      { id: w, title: 'Rig', question: 'What matters?', createdAt: T0 },
      facilitator,
      kinds.map((k) => ({
        id: `${w}-i-${k}`,
        workshopId: w,
        kind: k,
        token: `tok-${w}-${k}`,
        createdAt: T0,
        revokedAt: null,
      })),
    );
    rig.people.set('f', facilitator);
    for (const [id, role] of participants) {
      const p = person(w, id, role);
      await store.addParticipant(p);
      rig.people.set(id, p);
    }
    await rig.reload();
    return rig;
  }

  /** Drop the room and load a new one from the store (as after an unload or a restart). */
  async reload(): Promise<Room> {
    this.room?.doc.destroy();
    const listener = { cardsChanged: () => {} };
    this.room = new Room(this.workshopId, this.store, this.log, listener, 500, this.cardLimits);
    await this.room.ready;
    return this.room;
  }

  /** Connect participant `id` with a doc under `clientID`, synced with the room. */
  async connect(id: string, clientID: number): Promise<MemoryConn> {
    const p = this.people.get(id);
    if (!p) throw new Error(`no participant ${id}`);
    const conn = new MemoryConn(p, clientID);
    await this.room.join(conn);
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(step1, conn.doc);
    await this.room.handleMessage(conn, encoding.toUint8Array(step1));
    return conn;
  }

  async close(): Promise<void> {
    this.room?.doc.destroy();
    await this.store.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
