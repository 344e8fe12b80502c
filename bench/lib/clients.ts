/**
 * Clients the load generator drives. A `Seat` says where and as whom to connect:
 * the reference takes a bare WebSocket on `/<room>`; Purple takes `/yjs/<workshopId>` with
 * the participant's session cookie and an allowed Origin, plus a socket.io connection;
 * Hocuspocus takes a WebSocket on its root, where every message in both directions starts
 * with the document's name (a lib0 varString) and a client sends an authentication message
 * (type 2, an empty token) before the server handles anything else for that document.
 *
 * - `LightClient` speaks the sync protocol correctly (step 1 out, the server's step 1
 *   answered with an empty step 2, "synced" on the server's step 2) and applies nothing:
 *   it only timestamps arrivals and scans updates for edit tokens. It ignores Purple's
 *   own messages (101 roster, 102 saved, 103 keep-alive) and Hocuspocus's (2 authenticated,
 *   8 sync status: the server's acknowledgement of each update the client sent).
 * - `ProviderClient` is a real y-websocket `WebsocketProvider` (disableBc, ws polyfill), or
 *   for a Hocuspocus seat a real `HocuspocusProvider` 3.4.4 (awareness null when asked).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { Roster } from '../../lib/attribution/roster';
import { attachPurpleHandlers } from '../../lib/protocol/purpleHandlers';
import { PROTOCOL_VERSION } from '../../lib/protocol/reasons';
import { receiveWelcome } from '../../lib/protocol/welcome';

/** Where and as whom one client connects. */
export interface Seat {
  /** ws://host:port for the reference, ws://host:port/yjs for Purple. */
  wsBase: string;
  /** Doc name (reference) or workshop id (Purple). */
  room: string;
  /** Purple only: `purple_<workshopId>=<value>`. */
  cookie?: string;
  /** Purple only: the Origin a browser on the board page would send. */
  origin?: string;
  /** Hocuspocus: `room` is the document's name, sent in every message (see the top). */
  hocuspocus?: boolean;
  /**
   * Another instance serving the same workshop (the scale-out bench): a reconnecting
   * client alternates between this and the seat's own address on every attempt, so the
   * first retry after its instance died goes to the survivor.
   */
  alt?: { wsBase: string; origin?: string };
}

export const isPurple = (seat: Seat): boolean => seat.cookie !== undefined;
export const isHocuspocus = (seat: Seat): boolean => seat.hocuspocus === true;

/** Hocuspocus's frame: the document's name, then the y-protocols message. */
export function hocuspocusFrame(documentName: string, body: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarString(enc, documentName);
  encoding.writeUint8Array(enc, body);
  return encoding.toUint8Array(enc);
}

/** Hocuspocus's authentication message: type 2, sub-type 0 (token), the token. */
export function hocuspocusAuth(documentName: string, token = ''): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarString(enc, documentName);
  encoding.writeVarUint(enc, 2);
  encoding.writeVarUint(enc, 0);
  encoding.writeVarString(enc, token);
  return encoding.toUint8Array(enc);
}

/**
 * The y-protocols message type of a received frame (0 sync, 1 awareness, …), after
 * Hocuspocus's document name when the seat is Hocuspocus's; -1 when it does not decode.
 * Hocuspocus's "sync reply" (4) is a sync message (0).
 */
export function frameType(seat: Seat, bytes: Uint8Array): number {
  if (!isHocuspocus(seat)) return bytes[0] ?? -1;
  try {
    const decoder = decoding.createDecoder(bytes);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    return type === 4 ? 0 : type;
  } catch {
    return -1;
  }
}

/** Frames a client received, by kind (for the idle-traffic measurement). */
export interface FrameCounts {
  sync: number;
  awareness: number;
  purple: number;
  wsPing: number;
  socketIo: number;
}

export const zeroCounts = (): FrameCounts => ({
  sync: 0,
  awareness: 0,
  purple: 0,
  wsPing: 0,
  socketIo: 0,
});

function headersFor(seat: Pick<Seat, 'cookie' | 'origin'>): Record<string, string> {
  const h: Record<string, string> = {};
  if (seat.cookie) h.cookie = seat.cookie;
  if (seat.origin) h.origin = seat.origin;
  return h;
}

/** Edit tokens: `~<base36 id>;` inside inserted text; they appear verbatim in update bytes. */
export function makeToken(id: number): string {
  return `~${id.toString(36)};`;
}

const TILDE = 0x7e;
const SEMI = 0x3b;

/** Every token id in `bytes`. */
export function scanTokens(bytes: Uint8Array, out: (id: number) => void): void {
  let i = bytes.indexOf(TILDE);
  while (i !== -1) {
    let j = i + 1;
    let id = 0;
    let digits = 0;
    for (; j < bytes.length && j - i < 12; j++) {
      const c = bytes[j] ?? 0;
      let d = -1;
      if (c >= 0x30 && c <= 0x39) d = c - 0x30;
      else if (c >= 0x61 && c <= 0x7a) d = c - 0x61 + 10;
      if (d < 0) break;
      id = id * 36 + d;
      digits++;
    }
    if (digits > 0 && bytes[j] === SEMI) out(id);
    i = bytes.indexOf(TILDE, i + 1);
  }
}

function toBytes(data: unknown): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data as Buffer[]));
  const b = data as Buffer;
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** A WebSocket class with the seat's headers that also taps every incoming frame. */
export function tappedWebSocket(
  seat: Seat,
  tap: (bytes: Uint8Array, at: number) => void,
  onPing?: () => void,
): typeof WebSocket {
  const headers = headersFor(seat);
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
      this.on('message', (d) => tap(toBytes(d), performance.now()));
      if (onPing) this.on('ping', onPing);
    }
  } as unknown as typeof WebSocket;
}

export interface ClientHooks {
  /** Every frame, with its arrival time (performance.now()). */
  onFrame?: (bytes: Uint8Array, at: number) => void;
  /** An edit token arrived. */
  onToken?: (id: number, at: number) => void;
  /** Reconnect after a close, with y-websocket's backoff (100 ms doubling to 2.5 s). */
  reconnect?: boolean;
  counts?: FrameCounts;
}

const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

function syncMessage(sub: number, payload: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, 0);
  encoding.writeVarUint(enc, sub);
  encoding.writeVarUint8Array(enc, payload);
  return encoding.toUint8Array(enc);
}
const STEP1 = syncMessage(0, EMPTY_STATE_VECTOR);
const STEP2_EMPTY = syncMessage(1, EMPTY_UPDATE);

/** A client that speaks the sync protocol but keeps no document. */
export class LightClient {
  ws: WebSocket | null = null;
  synced = false;
  /** performance.now() of the latest "synced" (the server's step 2). */
  syncedAt = Number.NaN;
  syncs = 0;
  /** Connection attempts so far (the first included). */
  attempts = 0;
  closedByUs = false;
  /** With `seat.alt`: whether the current (or next) connection goes to the other address. */
  onAlt = false;
  private failures = 0;
  private waiters: (() => void)[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly seat: Seat,
    private readonly hooks: ClientHooks = {},
  ) {}

  /** The address this client is connected to, or will try next. */
  get target(): { wsBase: string; origin?: string } {
    return this.onAlt && this.seat.alt ? this.seat.alt : this.seat;
  }

  connect(): void {
    const hocus = isHocuspocus(this.seat);
    const to = this.target;
    // Hocuspocus reads the document's name from each message, not from the URL.
    const url = hocus ? to.wsBase : `${to.wsBase}/${this.seat.room}`;
    const headers = headersFor({ cookie: this.seat.cookie, origin: to.origin });
    const ws = new WebSocket(url, { headers, perMessageDeflate: false });
    this.attempts++;
    this.ws = ws;
    this.synced = false;
    ws.binaryType = 'nodebuffer';
    ws.on('open', () => {
      this.failures = 0;
      if (hocus) ws.send(hocuspocusAuth(this.seat.room));
      this.send(STEP1);
    });
    ws.on('message', (data) => this.onMessage(toBytes(data), performance.now()));
    ws.on('ping', () => {
      if (this.hooks.counts) this.hooks.counts.wsPing++;
    });
    ws.on('error', () => undefined);
    ws.on('close', () => {
      if (this.ws !== ws) return;
      this.synced = false;
      this.ws = null;
      if (this.closedByUs || !this.hooks.reconnect) return;
      if (this.seat.alt) this.onAlt = !this.onAlt;
      const wait = Math.min(2 ** this.failures * 100, 2500);
      this.failures++;
      this.timer = setTimeout(() => {
        this.timer = null;
        if (!this.closedByUs) this.connect();
      }, wait);
    });
  }

  /** Resolves at the next (or current) synced state. */
  whenSynced(): Promise<void> {
    if (this.synced) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Send a y-protocols message (framed with the document's name for Hocuspocus). */
  send(message: Uint8Array): void {
    if (this.ws?.readyState !== WebSocket.OPEN) return;
    this.ws.send(isHocuspocus(this.seat) ? hocuspocusFrame(this.seat.room, message) : message);
  }

  close(): void {
    this.closedByUs = true;
    if (this.timer) clearTimeout(this.timer);
    this.ws?.terminate();
    this.ws = null;
  }

  private onMessage(bytes: Uint8Array, at: number): void {
    this.hooks.onFrame?.(bytes, at);
    const counts = this.hooks.counts;
    let type: number;
    let decoder: decoding.Decoder;
    try {
      decoder = decoding.createDecoder(bytes);
      if (isHocuspocus(this.seat)) decoding.readVarString(decoder);
      type = decoding.readVarUint(decoder);
    } catch {
      return;
    }
    if (type === 0 || (type === 4 && isHocuspocus(this.seat))) {
      if (counts) counts.sync++;
      const sub = decoding.readVarUint(decoder);
      if (sub === 0) {
        this.send(STEP2_EMPTY);
      } else if (sub === 1) {
        this.synced = true;
        this.syncedAt = at;
        this.syncs++;
        for (const w of this.waiters.splice(0)) w();
      }
      if (sub !== 0 && this.hooks.onToken) {
        const hook = this.hooks.onToken;
        scanTokens(bytes, (id) => hook(id, at));
      }
    } else if (type === 1) {
      if (counts) counts.awareness++;
    } else if (counts) {
      // Purple's 101 roster, 102 saved, 103 keep-alive; Hocuspocus's 2 auth, 8 sync status.
      counts.purple++;
    }
  }
}

/**
 * A real provider client: y-websocket's WebsocketProvider, with Purple's handlers when the
 * seat is Purple's; Hocuspocus's own HocuspocusProvider when the seat is Hocuspocus's.
 */
export class ProviderClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider | HocuspocusProvider;
  readonly synced: Promise<void>;
  /** Purple: the highest clock of this doc's clientID the server says it stored. */
  acked = 0;
  private readonly socket: HocuspocusProviderWebsocket | null = null;

  constructor(
    readonly seat: Seat,
    hooks: ClientHooks & { awareness?: boolean } = {},
    doc = new Y.Doc(),
  ) {
    this.doc = doc;
    const counts = hooks.counts;
    const tap = (bytes: Uint8Array, at: number) => {
      hooks.onFrame?.(bytes, at);
      const t = frameType(seat, bytes);
      if (counts) {
        if (t === 0) counts.sync++;
        else if (t === 1) counts.awareness++;
        else counts.purple++;
      }
      if (hooks.onToken && t === 0) {
        const hook = hooks.onToken;
        scanTokens(bytes, (id) => hook(id, at));
      }
    };
    const Polyfill = tappedWebSocket(seat, tap, () => {
      if (counts) counts.wsPing++;
    });
    if (isHocuspocus(seat)) {
      // The socket is made apart from the provider, so it can take the ws polyfill (Node 20
      // has no WebSocket); such a provider must be attached, and its socket destroyed, by us.
      const socket = new HocuspocusProviderWebsocket({
        url: seat.wsBase,
        WebSocketPolyfill: Polyfill,
      });
      const provider = new HocuspocusProvider({
        websocketProvider: socket,
        name: seat.room,
        document: doc,
        ...(hooks.awareness === false ? { awareness: null } : {}),
      });
      provider.attach();
      this.socket = socket;
      this.provider = provider;
    } else {
      const provider = new WebsocketProvider(seat.wsBase, seat.room, doc, {
        disableBc: true,
        WebSocketPolyfill: Polyfill as unknown as typeof globalThis.WebSocket,
      });
      this.provider = provider;
      if (isPurple(seat)) {
        // As the board page does: no awareness on the Yjs channel (presence is on socket.io).
        provider.awareness.setLocalState(null);
        attachPurpleHandlers(
          provider,
          new Roster(),
          () => undefined,
          (clocks) => {
            for (const [c, clock] of clocks)
              if (c === doc.clientID) this.acked = Math.max(this.acked, clock);
          },
        );
      } else if (hooks.awareness === false) {
        provider.awareness.setLocalState(null);
      }
    }
    this.synced = new Promise<void>((resolve) => this.onSync(resolve));
  }

  /** `fn` at every sync with the server (now, too, if already synced). */
  onSync(fn: () => void): void {
    const p = this.provider;
    if (p instanceof HocuspocusProvider) {
      if (p.synced) fn();
      p.on('synced', (e: { state: boolean }) => {
        if (e.state) fn();
      });
    } else {
      if (p.synced) fn();
      p.on('sync', (s: boolean) => {
        if (s) fn();
      });
    }
  }

  destroy(): void {
    this.provider.destroy();
    this.socket?.destroy();
    this.doc.destroy();
  }
}

/** Purple's socket.io control connection for a seat (cookie + Origin), as the board opens. */
export function connectControl(
  seat: Seat,
  httpBase: string,
  opts: { reconnect?: boolean; counts?: FrameCounts } = {},
): Socket {
  const socket = io(httpBase, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: { workshopId: seat.room, protocol: PROTOCOL_VERSION },
    extraHeaders: headersFor(seat),
    reconnection: opts.reconnect ?? false,
    reconnectionDelay: 100,
    reconnectionDelayMax: 2500,
    forceNew: true,
  });
  receiveWelcome(socket);
  const counts = opts.counts;
  if (counts) {
    const hook = () => socket.io.engine?.on('packet', () => counts.socketIo++);
    socket.io.on('open', hook);
  }
  const alt = seat.alt?.origin;
  if (opts.reconnect && alt) {
    // Alternate between the two instances on every attempt, as LightClient does. The
    // manager opens each attempt with its current uri and options (read at that moment).
    const own = httpBase;
    const manager = socket.io as unknown as { uri: string };
    socket.io.on('reconnect_attempt', () => {
      const next = manager.uri === own ? alt : own;
      manager.uri = next;
      socket.io.opts.extraHeaders = headersFor({ cookie: seat.cookie, origin: next });
    });
  }
  return socket;
}

/** Run `fn` over `items` with at most `limit` in flight. */
export async function inBatches<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Resolve when `check()` holds, polling every `everyMs`; reject after `ms`. */
export async function until(
  what: string,
  check: () => boolean,
  ms = 30_000,
  everyMs = 10,
): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
