/**
 * The Yjs WebSocket endpoint at `/yjs/<workshopId>` (DESIGN §5). Every upgrade is
 * authenticated from the session cookie and its Origin checked BEFORE it is accepted.
 * Oversized frames close their sender only; a fast sender is slowed by pausing reads
 * (back-pressure), never by dropping an update.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import { fail, REASON_INFO, type Reason } from '../../lib/protocol/reasons';
import { can } from '../../lib/roles';
import { originAllowed } from '../auth/origin';
import { cookieName, readCookie, type Sessions } from '../auth/sessions';
import type { Config } from '../config';
import { clientAddress } from '../http/clientAddress';
import { firstWriteTogether } from '../http/firstWrite';
import { refuseUpgrade } from '../http/refuseUpgrade';
import { requestOrigin } from '../http/requestOrigin';
import type { Limits } from '../limits/Limits';
import type { Logger } from '../log';
import type { ParticipantRow } from '../store/Store';
import type { Drafts } from './drafts';
import { BadMessage, type RoomConn, type Shared } from './room';
import type { Rooms } from './rooms';
import { binaryFrame } from './wsFrame';

/** Pause reading from a socket with this many messages waiting in its room's queue. */
const HIGH_WATER = 64;
const LOW_WATER = 16;
/** Token bucket: sustained messages per second per connection, and the burst allowed. */
const RATE_PER_SECOND = 200;
const BURST = 400;

const WORKSHOP_PATH = /^\/yjs\/([A-Za-z0-9_-]{1,64})\/?$/;
/** A person's private draft (issue 11): `/yjs/<workshopId>/draft/<participantId>`. */
const DRAFT_PATH = /^\/yjs\/([A-Za-z0-9_-]{1,64})\/draft\/([A-Za-z0-9_-]{1,64})\/?$/;

/** What a connection joins: the board's room or a person's draft. */
interface Channel {
  join(conn: RoomConn): Promise<void>;
  leave(conn: RoomConn): void;
  handleMessage(conn: RoomConn, data: Uint8Array): Promise<void>;
}

/** Counters the tests and the benchmark read. */
export interface EndpointStats {
  /** Times a connection's reads were paused for back-pressure. */
  pauses: number;
}

class WsConn implements RoomConn {
  inflight = 0;
  private tokens = BURST;
  private last = Date.now();
  private paused = false;
  private pausedUntil = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly ws: WebSocket,
    /** The upgraded TCP socket under `ws`, for writing broadcast frames encoded once. */
    private readonly socket: Duplex,
    readonly participant: ParticipantRow,
    private readonly stats: EndpointStats,
  ) {}

  send(message: Uint8Array, shared?: Shared): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (shared) {
      // Without permessage-deflate, ws writes every frame at once and queues nothing, so a
      // whole frame written here keeps its place among the frames ws writes.
      shared.encoded ??= binaryFrame(message);
      this.socket.write(shared.encoded as Buffer);
    } else {
      this.ws.send(message);
    }
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) {
      this.ws.close(code, reason);
    }
  }

  /** Take one token; pause reading when the bucket or the queue is full. */
  admit(): void {
    const now = Date.now();
    this.tokens = Math.min(BURST, this.tokens + ((now - this.last) / 1000) * RATE_PER_SECOND);
    this.last = now;
    this.tokens -= 1;
    this.inflight++;
    if (this.tokens < 0)
      this.pausedUntil = now + Math.ceil((-this.tokens / RATE_PER_SECOND) * 1000);
    this.maybePause();
  }

  done(): void {
    this.inflight--;
    this.maybeResume();
  }

  private maybePause(): void {
    if (!this.paused && (this.inflight >= HIGH_WATER || this.pausedUntil > Date.now())) {
      this.paused = true;
      this.stats.pauses++;
      this.ws.pause();
      this.maybeResume();
    }
  }

  /** Resume once the queue has drained and the rate pause is over; re-arm if it was extended. */
  private maybeResume(): void {
    if (!this.paused) return;
    const wait = this.pausedUntil - Date.now();
    if (wait > 0) {
      this.timer ??= setTimeout(() => {
        this.timer = null;
        this.maybeResume();
      }, wait);
      return;
    }
    if (this.inflight <= LOW_WATER) {
      this.paused = false;
      this.ws.resume();
    }
  }
}

export class YjsEndpoint {
  private readonly wss: WebSocketServer;
  readonly stats: EndpointStats = { pauses: 0 };

  constructor(
    private readonly deps: {
      rooms: Rooms;
      drafts: Drafts;
      sessions: Sessions;
      config: Config;
      log: Logger;
      limits: Limits;
      /** Told each upgrade it refuses, by reason (the refusals metric, issue 12). */
      onRefused?: (reason: Reason) => void;
    },
  ) {
    // ws enforces a hard ceiling; frames between the cap and it get a clear 4413 close.
    // No permessage-deflate: Yjs updates are small and already compact, and WsConn.send
    // relies on ws never holding frames back while it compresses.
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: deps.config.maxFrameBytes * 4,
      perMessageDeflate: false,
    });
  }

  /** Open Yjs connections. */
  get connectionCount(): number {
    return this.wss.clients.size;
  }

  /** True when this upgrade belongs to the Yjs endpoint. */
  matches(url: string | undefined): boolean {
    return (url ?? '').startsWith('/yjs/');
  }

  /**
   * Check the Origin, take a connection slot for the client's address, authenticate, take
   * one for the person; then accept, or refuse with an HTTP status. Slots are given back
   * when the connection closes or is refused.
   */
  async handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const { config, limits } = this.deps;
    const refuse = (reason: Reason) => {
      this.deps.onRefused?.(reason);
      refuseUpgrade(socket, REASON_INFO[reason].http, REASON_INFO[reason].message);
    };
    const path = (req.url ?? '').split('?')[0] ?? '';
    const match = WORKSHOP_PATH.exec(path) ?? DRAFT_PATH.exec(path);
    if (!match?.[1]) return refuse('unknownWorkshop');
    const draftOf = match[2];
    const site = requestOrigin((name) => req.headers[name], config);
    if (!originAllowed(req.headers.origin, site, config.allowedOrigins, config.publicUrl)) {
      return refuse('badOrigin');
    }
    const address = clientAddress(req, config.trustProxy);
    if (!(await limits.connectionsPerAddress.acquire(address))) return refuse('tooMany');
    const held = await this.authenticateAndHold(match[1], req);
    if (!held.ok || socket.destroyed) {
      void limits.connectionsPerAddress.release(address);
      if (held.ok) void limits.yjsPerPerson.release(held.value.id);
      return held.ok ? undefined : refuse(held.reason);
    }
    const participant = held.value;
    socket.once('close', () => {
      void limits.connectionsPerAddress.release(address);
      void limits.yjsPerPerson.release(participant.id);
    });
    // A draft opens only for its own author, and only for someone who may write (I55).
    if (draftOf !== undefined && !mayOpenDraft(participant, draftOf)) return refuse('forbidden');
    const workshopId = match[1];
    const channel: Channel =
      draftOf === undefined
        ? this.deps.rooms.get(workshopId)
        : this.deps.drafts.get(workshopId, draftOf);
    firstWriteTogether(socket);
    this.wss.handleUpgrade(req, socket, head, (ws) =>
      this.attach(ws, socket, workshopId, participant, channel),
    );
  }

  /** The cookie's participant, holding one of their Yjs connection slots. */
  private async authenticateAndHold(
    workshopId: string,
    req: IncomingMessage,
  ): Promise<{ ok: true; value: ParticipantRow } | { ok: false; reason: Reason }> {
    const auth = await this.deps.sessions.authenticate(
      workshopId,
      readCookie(req.headers.cookie, cookieName(workshopId)),
    );
    if (!auth.ok) return auth;
    if (!(await this.deps.limits.yjsPerPerson.acquire(auth.value.id))) return fail('tooMany');
    return auth;
  }

  private attach(
    ws: WebSocket,
    socket: Duplex,
    workshopId: string,
    participant: ParticipantRow,
    room: Channel,
  ): void {
    const { log, config } = this.deps;
    const conn = new WsConn(ws, socket, participant, this.stats);
    ws.on('error', (err) =>
      log.warn('Yjs socket error', { workshop: workshopId, err: err.message }),
    );
    ws.on('close', () => room.leave(conn));
    ws.on('message', (data: RawData, isBinary: boolean) => {
      const bytes = toBytes(data);
      if (!isBinary) return conn.close(REASON_INFO.malformed.close, 'Binary frames only');
      if (bytes.byteLength > config.maxFrameBytes) {
        return conn.close(REASON_INFO.tooLarge.close, REASON_INFO.tooLarge.message);
      }
      conn.admit();
      room
        .handleMessage(conn, bytes)
        .catch((err) => {
          if (err instanceof BadMessage)
            return conn.close(REASON_INFO.malformed.close, err.message);
          log.error('unexpected error handling a Yjs message', { workshop: workshopId, err });
          conn.close(1011, 'Unexpected server error');
        })
        .finally(() => conn.done());
    });
    room.join(conn).catch((err) => {
      log.error('could not admit a connection', { workshop: workshopId, err });
      conn.close(REASON_INFO.storeFailed.close, 'The board could not be loaded');
    });
  }

  close(): void {
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }
}

function mayOpenDraft(p: ParticipantRow, draftOf: string): boolean {
  return p.id === draftOf && can(p.capability, 'board:write') && p.removedAt === null;
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
