/**
 * Listening before the server is ready (I95). A restarted or redeployed process takes a
 * moment to load its code and open its store; clients that reconnect meanwhile would be
 * refused and wait for their next retry (y-websocket backs off 100 ms doubling to 2.5 s,
 * socket.io likewise), so most of them came back a whole retry later than the server
 * could have taken them. Instead the port is open at once and what arrives waits here —
 * requests and upgrades alike, in order — and is handed to the real routes the moment
 * they exist. `/healthz` answers at once (the process is up); `/readyz` says not ready.
 *
 * Bounded: at most `maxHeld` waiting connections and `maxWaitMs` each; beyond either the
 * client gets 503 with Retry-After and tries again, as it would have without the hold. A
 * request whose client gives up is forgotten at once; a waiting upgrade's socket is not read
 * (its bytes belong to the real handler), so one whose client left is noticed when it is
 * handed over, or when its wait ends.
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { refuseUpgrade } from './refuseUpgrade';

export interface StartupHoldOptions {
  /** Connections waiting at once; more are answered 503. */
  maxHeld?: number;
  /** How long one waits for the server before it is answered 503. */
  maxWaitMs?: number;
}

export interface StartupHold {
  /** How many connections wait now. */
  readonly held: number;
  /** The routes are on the server: hand everything waiting to them, in arrival order. */
  release(): void;
  /** Start-up failed: answer everything waiting 503 and stop holding. */
  fail(): void;
}

const STARTING = 'Purple is starting. Please try again in a moment.\n';

type Waiting =
  | { kind: 'request'; req: http.IncomingMessage; res: http.ServerResponse; timer: NodeJS.Timeout }
  | {
      kind: 'upgrade';
      req: http.IncomingMessage;
      socket: Duplex;
      head: Buffer;
      timer: NodeJS.Timeout;
    };

function answer503(res: http.ServerResponse): void {
  if (res.headersSent) return;
  res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '1' });
  res.end(STARTING);
}

/** Hold `server`'s requests and upgrades until `release()`; attach before `listen`. */
export function holdUntilReady(server: http.Server, opts: StartupHoldOptions = {}): StartupHold {
  const maxHeld = opts.maxHeld ?? 20_000;
  const maxWaitMs = opts.maxWaitMs ?? 30_000;
  const waiting = new Set<Waiting>();

  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = (req.url ?? '').split('?')[0];
    if (path === '/healthz' || path === '/readyz') {
      const ok = path === '/healthz';
      res.writeHead(ok ? 200 : 503, {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : ok ? 'ok\n' : 'starting\n');
      return;
    }
    if (waiting.size >= maxHeld) return answer503(res);
    const entry: Waiting = {
      kind: 'request',
      req,
      res,
      timer: setTimeout(() => {
        waiting.delete(entry);
        answer503(res);
      }, maxWaitMs),
    };
    waiting.add(entry);
    res.once('close', () => {
      clearTimeout(entry.timer);
      waiting.delete(entry);
    });
  };

  const onUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    // An upgraded socket has no error listener of its own yet; a reset must not crash us.
    socket.on('error', () => socket.destroy());
    if (waiting.size >= maxHeld) return refuseUpgrade(socket, 503, STARTING.trim());
    const entry: Waiting = {
      kind: 'upgrade',
      req,
      socket,
      head,
      timer: setTimeout(() => {
        waiting.delete(entry);
        refuseUpgrade(socket, 503, STARTING.trim());
      }, maxWaitMs),
    };
    waiting.add(entry);
    socket.once('close', () => {
      clearTimeout(entry.timer);
      waiting.delete(entry);
    });
  };

  server.on('request', onRequest);
  server.on('upgrade', onUpgrade);
  const stop = () => {
    server.off('request', onRequest);
    server.off('upgrade', onUpgrade);
  };

  return {
    get held() {
      return waiting.size;
    },
    release() {
      stop();
      const queue = [...waiting];
      waiting.clear();
      for (const w of queue) {
        clearTimeout(w.timer);
        if (w.kind === 'request') {
          if (!w.res.writableEnded) server.emit('request', w.req, w.res);
        } else if (!w.socket.destroyed) {
          server.emit('upgrade', w.req, w.socket, w.head);
        }
      }
    },
    fail() {
      stop();
      for (const w of waiting) {
        clearTimeout(w.timer);
        if (w.kind === 'request') answer503(w.res);
        else refuseUpgrade(w.socket, 503, STARTING.trim());
      }
      waiting.clear();
    },
  };
}
