/**
 * Hocuspocus, the bench's second reference: `@hocuspocus/server` 3.4.4 (4.x needs Node 22)
 * with its SQLite extension (`@hocuspocus/extension-sqlite`, on `sqlite3`) and, for a
 * setup of several instances, its Redis extension (`@hocuspocus/extension-redis`, ioredis).
 * Every package is pinned exactly as a devDependency; only the bench uses them.
 *
 * API:
 *
 *   const h = await startHocuspocus({ dataDir, port?, redis?, name?, dbFile? });
 *   h.wsUrl, h.httpUrl, h.port, h.pid, h.dbFile   // where it listens; its SQLite file
 *   h.rss(), h.hwm(), h.cpuMs()                    // from /proc, as for every ServerProc
 *   await h.stop();                                // SIGTERM: last stores finish, exit 0
 *   await h.kill9();                               // SIGKILL
 *   hocuspocusSeat(h, 'doc-name')                  // a Seat for LightClient/ProviderClient
 *
 * - `dataDir`: a folder (created when missing) holding the SQLite file
 *   (`hocuspocus.sqlite`, or `dbFile`). Starting again on the same `dataDir` loads the
 *   documents from that file: a cold start.
 * - `port`: reuse a port (a restart keeps the clients' URL); a free one otherwise.
 * - `redis: { host, port, prefix }`: adds the Redis extension. Two instances with the same
 *   prefix share every document (updates and awareness over Redis pub/sub; a Redlock lets one
 *   instance store at a time). Give them the same `dataDir` to share one SQLite file, as
 *   Hocuspocus's instances share one database (the extension waits up to 5 s on a locked file
 *   instead of failing: a busy timeout, the one setting added to its defaults), and a distinct
 *   `name` each (it is also the instance's Redis identifier; default `hocuspocus-<port>`).
 *
 * The process (`bench/lib/hocuspocusServer.mjs`, plain node, no TypeScript loader) runs
 * pinned to CPU 0 like the other servers (`lib/servers.ts`). The SQLite extension keeps its
 * defaults: one row per document with the whole state as one update, written 2 s after the
 * last change (at most 10 s apart) and when the last client leaves; so Hocuspocus
 * broadcasts an edit before it is on disk, where Purple stores it first.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Seat } from './clients';
import { type ServerProc, type StartOpts, startServer } from './servers';

export interface HocuspocusOpts {
  dataDir: string;
  port?: number;
  redis?: { host: string; port: number; prefix: string };
  name?: string;
  /** The SQLite file's name inside `dataDir` (default `hocuspocus.sqlite`). */
  dbFile?: string;
  /** Write a V8 CPU profile into this folder when the server exits on SIGTERM. */
  cpuProfDir?: string;
  env?: Record<string, string>;
  /** The CPU to pin it to (default 0, as every server). */
  cpu?: number;
}

export interface HocuspocusProc extends ServerProc {
  /** The SQLite file's absolute path. */
  dbFile: string;
}

export async function startHocuspocus(opts: HocuspocusOpts): Promise<HocuspocusProc> {
  mkdirSync(opts.dataDir, { recursive: true });
  const dbFile = path.resolve(opts.dataDir, opts.dbFile ?? 'hocuspocus.sqlite');
  const env: Record<string, string> = { ...opts.env, HOCUS_DB: dbFile };
  if (opts.name) env.HOCUS_NAME = opts.name;
  if (opts.redis) {
    env.HOCUS_REDIS_HOST = opts.redis.host;
    env.HOCUS_REDIS_PORT = String(opts.redis.port);
    env.HOCUS_REDIS_PREFIX = opts.redis.prefix;
  }
  const start: StartOpts = { port: opts.port, cpuProfDir: opts.cpuProfDir, env, cpu: opts.cpu };
  const proc = await startServer('hocuspocus', start);
  return Object.assign(proc, { dbFile });
}

/** A Hocuspocus seat: the document `name` on the server's root URL. */
export function hocuspocusSeat(server: ServerProc, name: string): Seat {
  return { wsBase: server.wsUrl, room: name, hocuspocus: true };
}
