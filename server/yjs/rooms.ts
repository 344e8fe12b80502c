/**
 * The registry of live rooms: loads a board on first use, unloads it (after compacting)
 * once nobody has used it for a while, and keeps every connection alive with a keep-alive
 * message well inside the y-websocket client's 30 s silence watchdog.
 */
import type { Reason } from '../../lib/protocol/reasons';
import type { SharedCounters } from '../limits/limiters';
import type { Logger } from '../log';
import type { OrderedLog, ParticipantRow, Store } from '../store/Store';
import { type CardLimitSettings, CardLimits, DEFAULT_CARD_LIMITS } from './cardLimits';
import type { Drafts } from './drafts';
import { Room, type RoomListener } from './room';
import { keepAliveMessage } from './syncMessage';

const KEEPALIVE_MS = 10_000;

/** Changes other instances must hear about (several instances, I65); set by the cluster. */
export interface RoomsRelay {
  participantUpdated(p: ParticipantRow): void;
  closeParticipants(workshopId: string, ids: ReadonlySet<string>, reason: Reason): void;
  discard(workshopId: string, reason: Reason): void;
}

export class Rooms {
  private readonly rooms = new Map<string, Room>();
  private readonly timer: NodeJS.Timeout;
  private readonly keepalive: Uint8Array;
  /** One counter of new cards for every room of the process (I21), in Redis on several (I87). */
  private readonly cardLimits: CardLimits;
  /** The workshop's private drafts (issue 11): closed with the board's connections. */
  drafts: Drafts | null = null;

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly listener: RoomListener,
    private readonly opts: {
      idleMs: number;
      compactEvery: number;
      cardLimits?: CardLimitSettings;
      /** Several instances: writes are ordered through the database (I62). */
      ordered?: OrderedLog;
      /** Several instances: the per-minute card limit counts in Redis (I87). */
      counters?: SharedCounters;
    },
  ) {
    this.cardLimits = new CardLimits(opts.cardLimits ?? DEFAULT_CARD_LIMITS, opts.counters);
    this.keepalive = keepAliveMessage();
    this.timer = setInterval(() => this.tick(), KEEPALIVE_MS);
    this.timer.unref();
  }

  /** The room of a workshop, loading it if needed. */
  get(workshopId: string): Room {
    let room = this.rooms.get(workshopId);
    if (room?.failed) {
      // A server write could not be stored: load the board afresh from the store (I19).
      this.rooms.delete(workshopId);
      room.doc.destroy();
      room = undefined;
    }
    if (!room) {
      room = new Room(
        workshopId,
        this.store,
        this.log,
        this.listener,
        this.opts.compactEvery,
        this.cardLimits,
        this.opts.ordered,
      );
      this.rooms.set(workshopId, room);
      room.ready.catch((err) => {
        this.log.error('could not load a board', { workshop: workshopId, err });
        this.rooms.delete(workshopId);
      });
    }
    return room;
  }

  /**
   * The room, loaded, and on several instances caught up with what the others stored, so a
   * decision made from its doc (a round's candidates, a summary) sees the whole board (I62).
   */
  async loaded(workshopId: string): Promise<Room> {
    const room = this.get(workshopId);
    await room.ready;
    if (this.opts.ordered) await room.catchUp();
    return room;
  }

  /** The room if it is in memory. */
  peek(workshopId: string): Room | undefined {
    return this.rooms.get(workshopId);
  }

  /** Every room in memory. */
  all(): Room[] {
    return [...this.rooms.values()];
  }

  /** How many boards are in memory. */
  get size(): number {
    return this.rooms.size;
  }

  /** Set when running on several instances: local changes are told to the others. */
  relay?: RoomsRelay;

  /** A participant joined or changed; `here` false when another instance told us. */
  participantUpdated(p: ParticipantRow, here = true): void {
    this.rooms.get(p.workshopId)?.participantUpdated(p);
    if (here) this.relay?.participantUpdated(p);
  }

  closeParticipants(
    workshopId: string,
    ids: ReadonlySet<string>,
    reason: Reason,
    here = true,
  ): void {
    this.rooms.get(workshopId)?.closeParticipants(ids, reason);
    for (const id of ids) this.drafts?.closeParticipant(workshopId, id, reason);
    if (here) this.relay?.closeParticipants(workshopId, ids, reason);
  }

  /**
   * Close every connection of a deleted workshop with `reason` and forget its room without
   * compacting it: nothing of the board may be written again.
   */
  discard(workshopId: string, reason: Reason, here = true): void {
    void this.drafts?.close(workshopId, reason);
    if (here) this.relay?.discard(workshopId, reason);
    const room = this.rooms.get(workshopId);
    if (!room) return;
    this.rooms.delete(workshopId);
    room.closeAll(reason);
    room.doc.destroy();
  }

  private tick(): void {
    const now = Date.now();
    for (const [id, room] of this.rooms) {
      for (const c of room.conns) c.send(this.keepalive);
      if (room.conns.size === 0 && now - room.lastActive > this.opts.idleMs)
        void this.unload(id, room);
    }
  }

  /** Compact and drop an idle room; it stays if someone joined meanwhile. */
  private async unload(id: string, room: Room): Promise<void> {
    await room.enqueue(() => room.compact());
    if (room.conns.size === 0 && this.rooms.get(id) === room) {
      this.rooms.delete(id);
      room.doc.destroy();
    }
  }

  /** Unload rooms idle for at least `idleMs` now (tests and shutdown). */
  async unloadIdle(idleMs = 0): Promise<void> {
    const now = Date.now();
    await Promise.all(
      [...this.rooms]
        .filter(([, r]) => r.conns.size === 0 && now - r.lastActive >= idleMs)
        .map(([id, r]) => this.unload(id, r)),
    );
  }

  /** Stop timers and close every connection with a transient code. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    this.drafts?.stop();
    for (const room of this.rooms.values()) {
      for (const c of room.conns) c.close(4503, 'Purple is restarting');
      await room.enqueue(() => room.compact()).catch(() => undefined);
    }
    this.rooms.clear();
  }
}
