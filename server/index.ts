/**
 * Purple's one Node process (DESIGN §4): one http.Server on one port serving Next pages,
 * the Yjs endpoint at /yjs/<workshopId> and socket.io at /socket.io, with one upgrade
 * router. Next gets a private EventEmitter as its httpServer so it never grabs upgrades.
 */
import { EventEmitter } from 'node:events';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Config, loadConfig } from './config';
import { CLIENT_ADDRESS_HEADER, clientAddress } from './http/clientAddress';
import { refuseUpgrade } from './http/refuseUpgrade';
import { applySecurityHeaders } from './http/securityHeaders';
import { holdUntilReady } from './http/startupHold';
import { createLogger, type Logger } from './log';
import { answerOps, isOpsPath } from './ops/opsRoutes';
import type { Purple } from './purple';
import type { Store } from './store/Store';

type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;
type UpgradeHandler = (
  req: http.IncomingMessage,
  socket: import('node:stream').Duplex,
  head: Buffer,
) => Promise<void>;

/** Options for `startServer`; anything unset comes from the environment. */
export interface StartOptions extends Partial<Config> {
  dev?: boolean;
  /** Serve the Next pages (false for realtime-only integration tests). */
  withNext?: boolean;
  /** Wrap the real store, e.g. to inject a write failure in a test. */
  wrapStore?: (store: Store) => Store;
}

/** A running server. */
export interface RunningServer {
  url: string;
  port: number;
  purple: Purple;
  /**
   * Leave the pool for a redeploy (I59): /readyz answers 503 and new connections are
   * refused, while open ones may finish for up to `drainMs`; then everything is closed.
   */
  drain(drainMs: number): Promise<void>;
  close(): Promise<void>;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function prepareNext(
  dev: boolean,
  config: Config,
): Promise<{ handle: RequestHandler; upgrade: UpgradeHandler | null }> {
  const env = process.env as Record<string, string | undefined>;
  env.NODE_ENV ??= dev ? 'development' : 'production';
  env.NEXT_TELEMETRY_DISABLED ??= '1';
  const mod = await import('next');
  const next = (mod.default ?? mod) as unknown as typeof mod.default;
  // Next listens for 'upgrade' on the httpServer it is given; a private emitter means it
  // only ever sees the upgrades we forward to it (hot reload in dev), never /yjs or socket.io.
  const emitter = new EventEmitter();
  const app = next({
    dev,
    dir: root,
    hostname: config.host,
    port: config.port,
    httpServer: emitter as unknown as http.Server,
  });
  await app.prepare();
  const upgrade: UpgradeHandler = async (req, socket, head) => {
    emitter.emit('upgrade', req, socket, head);
  };
  return { handle: app.getRequestHandler() as RequestHandler, upgrade: dev ? upgrade : null };
}

const DRAINING = 'This server is restarting. Connecting to another one…\n';

/**
 * How many connections the kernel may queue for the server before it accepts them (Linux
 * caps it at net.core.somaxconn, 4096 by default). Node's default is 511, and each person
 * opens two connections (Yjs and socket.io): a restarted server is busy loading while its
 * whole audience reconnects, so at 500 people the queue overflowed, the kernel dropped
 * their SYNs, and those people waited for TCP's retransmission a second later while the
 * server sat idle (400-450 overflows per storm, counted in /proc/net/netstat).
 */
export const LISTEN_BACKLOG = 4096;

/** False for a path with broken %-encoding, which Next would answer with a 500. */
function decodablePath(url: string | undefined): boolean {
  try {
    decodeURIComponent((url ?? '/').split('?')[0] ?? '/');
    return true;
  } catch {
    return false;
  }
}

function route(
  server: http.Server,
  config: Config,
  purple: Purple,
  next: Awaited<ReturnType<typeof prepareNext>> | null,
  log: Logger,
): void {
  server.on('request', (req, res) => {
    applySecurityHeaders(res, config.publicUrl);
    if (isOpsPath(req.url)) {
      const deps = {
        health: purple.health,
        metrics: purple.metrics,
        metricsToken: config.metricsToken,
      };
      answerOps(req, res, deps).catch((err) => {
        log.error('operations request failed', { url: req.url, err });
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('Something went wrong on our side.\n');
      });
      return;
    }
    // While draining, a new socket.io session (no sid yet) goes to another instance.
    if (
      purple.health.isDraining &&
      req.url?.startsWith('/socket.io/') &&
      !/[?&]sid=/.test(req.url)
    ) {
      res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '1' }).end(DRAINING);
      return;
    }
    if (req.url?.startsWith('/socket.io/')) {
      purple.ioHttp.emit('request', req, res);
      return;
    }
    // Pages read the client's address (for limits) from this header; one a client sent is replaced.
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req, config.trustProxy);
    if (!next || !decodablePath(req.url)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      return;
    }
    next.handle(req, res).catch((err) => {
      log.error('page request failed', { url: req.url, err });
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Something went wrong on our side. Please try again.\n');
    });
  });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    if (purple.health.isDraining && !req.url?.startsWith('/_next/')) {
      refuseUpgrade(socket, 503, DRAINING.trim());
    } else if (purple.yjs.matches(req.url)) {
      purple.yjs.handleUpgrade(req, socket, head).catch((err) => {
        log.error('Yjs upgrade failed', { err });
        socket.destroy();
      });
    } else if (req.url?.startsWith('/socket.io/')) {
      purple.ioHttp.emit('upgrade', req, socket, head);
    } else if (next?.upgrade && req.url?.startsWith('/_next/')) {
      void next.upgrade(req, socket, head);
    } else {
      socket.destroy();
    }
  });
}

/** Start Purple; resolves once it is listening. */
export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const { dev = false, withNext = true, wrapStore, ...overrides } = opts;
  const config = loadConfig(process.env, overrides);
  const log = createLogger(config.logLevel, config.logFormat);
  // The port opens first and what arrives waits until the routes exist (I95): reconnecting
  // clients are taken the moment the server is ready, not at their next retry. The rest of
  // the server is loaded after that, for the same reason.
  const server = http.createServer();
  const hold = holdUntilReady(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG }, () =>
      resolve(),
    );
  });
  // Next's preparation (seconds in production) and opening the store, rooms and channels
  // are independent: done together, a restarted server is ready, and its clients are back,
  // sooner.
  let purple: Purple;
  let next: Awaited<ReturnType<typeof prepareNext>> | null;
  try {
    const { createPurple } = await import('./purple');
    [purple, next] = await Promise.all([
      createPurple(config, log, wrapStore),
      withNext ? prepareNext(dev, config) : null,
    ]);
  } catch (err) {
    hold.fail();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
    throw err;
  }
  route(server, config, purple, next, log);
  hold.release();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  let closing: Promise<void> | null = null;
  const close = () => {
    // Upgraded sockets keep http.Server.close() waiting, so end them (purple.close) first.
    closing ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await purple.close();
      server.closeAllConnections();
      await closed;
    })();
    return closing;
  };
  return {
    url,
    port,
    purple,
    async drain(drainMs: number) {
      purple.health.startDraining();
      log.info('draining: not ready; waiting for open connections', {
        open: purple.openConnections(),
        drainMs,
      });
      const until = Date.now() + drainMs;
      while (purple.openConnections() > 0 && Date.now() < until)
        await new Promise((resolve) => setTimeout(resolve, 100));
      log.info('drained; closing', { open: purple.openConnections() });
      await close();
    },
    close,
  };
}

async function main(): Promise<void> {
  const dev = process.argv.includes('--dev');
  // --no-next serves only the realtime endpoints (used by the durability test and bench).
  const running = await startServer({ dev, withNext: !process.argv.includes('--no-next') });
  process.stdout.write(`Purple is running at ${running.url}\n`);
  let stopping = false;
  const finish = (work: Promise<void>) =>
    work.then(
      () => process.exit(0),
      () => process.exit(1),
    );
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Never hang on shutdown: a dev-mode socket can keep the process alive.
    setTimeout(() => process.exit(0), 5000).unref();
    void finish(running.close());
  };
  // SIGTERM (a redeploy): drain first (I59); a second SIGTERM, or SIGINT, stops at once.
  let draining = false;
  const drain = () => {
    if (draining || stopping) return stop();
    draining = true;
    setTimeout(() => process.exit(0), running.purple.config.drainMs + 5000).unref();
    void finish(running.drain(running.purple.config.drainMs));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', drain);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err) => {
    process.stderr.write(
      `Purple could not start: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exit(1);
  });
}
