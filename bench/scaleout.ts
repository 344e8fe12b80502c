/**
 * 9. Scale-out (issue 12): Purple on two instances in cluster mode (one Postgres database,
 * one Redis prefix) against one instance on SQLite, in the same run.
 *
 * 1. Fan-out p50/p99 in one room of N clients spread over both instances (seat i on
 *    instance i mod 2: writers and receivers on both), interleaved with the same room on one
 *    SQLite instance; ratio two instances ÷ one.
 * 2. Edits per second one workshop sustains (the stepping of throughput.ts) on both set-ups.
 * 3. Fail-over: N clients spread over both, `kill -9` of one instance; the time from the kill
 *    until every client of the killed instance has synced again on the survivor (and its
 *    socket.io connection is back there), and the survivor's peak RSS meanwhile. Clients
 *    reconnect with y-websocket's backoff and try the other instance's address on every
 *    attempt (see README.md for why not through nginx).
 * 4. The 2,000-card cold join: one cluster instance just started (the board in Postgres
 *    only) against one SQLite instance just started.
 *
 * Parts 1–3 also measure two Hocuspocus instances with its Redis extension, interleaved
 * (`startHocusPair`; `--no-hocuspocus` leaves them out): the same clients spread the same
 * way, and in the fail-over the same board, with the Yjs figure only (it has no socket.io).
 *
 * Services: DATABASE_URL / REDIS_URL given to the bench (taken out of the environment by
 * `takeServiceUrls` so the other sections stay on SQLite), else 127.0.0.1:5432 / 6379 when
 * they answer, else throwaway servers (scripts/ensurePostgres.ts, scripts/ensureRedis.ts).
 * Each run gets a fresh Postgres database and a fresh Redis key prefix, dropped at the end.
 *
 * Pinning: both instances on CPU 0 (where the single instance runs), the load generator on
 * CPU 1: the two instances get the same CPU budget as the one they are compared with, so the
 * ratio shows what the cluster path costs, not what a second core buys. Postgres and Redis
 * are the machine's services (not pinned).
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { Socket } from 'socket.io-client';
import { ensurePostgres, freshSchema } from '../scripts/ensurePostgres';
import { ensureRedis } from '../scripts/ensureRedis';
import { type FanoutSide, oneRun } from './fanout';
import type { JoinResult } from './lib/board';
import {
  connectControl,
  inBatches,
  isPurple,
  LightClient,
  type Seat,
  sleep,
  until,
} from './lib/clients';
import { type Ctx, interleave, interleaveAll, purpleSeats } from './lib/context';
import { hocuspocusSeat, startHocuspocus } from './lib/hocuspocus';
import { command } from './lib/loadgen';
import { freshDir, type PurpleWorkshop, setupPurple } from './lib/purpleSetup';
import type { WindowResult } from './lib/room';
import { withTimeout } from './lib/room';
import { type ServerProc, startServer, wallNow } from './lib/servers';
import { bootstrapMedian, bootstrapRatio, type Estimate, median } from './lib/stats';
import type { StormRun } from './reconnect';
import { stepRun, type ThroughputRun } from './throughput';

/** The services the bench was given (DATABASE_URL / REDIS_URL), if any. */
export interface ServiceUrls {
  databaseUrl?: string;
  redisUrl?: string;
}

/**
 * Take DATABASE_URL, REDIS_URL and REDIS_PREFIX out of the environment: every other section,
 * and every server process it starts, must stay one instance on SQLite. Only this section
 * uses them, for the instances it starts itself.
 */
export function takeServiceUrls(env: NodeJS.ProcessEnv = process.env): ServiceUrls {
  const urls = {
    databaseUrl: env.DATABASE_URL?.match(/^postgres(ql)?:\/\//i) ? env.DATABASE_URL : undefined,
    redisUrl: env.REDIS_URL?.startsWith('redis') ? env.REDIS_URL : undefined,
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  delete env.REDIS_PREFIX;
  return urls;
}

// ── load-generator side of the fail-over ───────────────────────────────────────────────

interface FailoverSession {
  light: LightClient[];
  controls: Socket[];
  /** Wall time of each control connection's latest connect, and how many it made. */
  controlAt: number[];
  controlConnects: number[];
}

/**
 * How long one client may take to connect before the fail-over's set-up gives up: not a
 * measured figure, and 500 clients with their socket.io connections joining two instances
 * on two loaded cores took over a minute for the slowest here (load average 17).
 */
const CONNECT_TIMEOUT_MS = 180_000;

const sessions = new Map<number, FailoverSession>();
let nextSession = 1;

function session(handle: number): FailoverSession {
  const s = sessions.get(handle);
  if (!s) throw new Error(`no fail-over session ${handle}`);
  return s;
}

function closeSession(handle: number): void {
  const s = sessions.get(handle);
  if (!s) return;
  sessions.delete(handle);
  for (const c of s.light) c?.close();
  for (const c of s.controls) c?.disconnect();
}

/** The socket.io manager's current address (where the next attempt goes). */
const managerUri = (socket: Socket): string => (socket.io as unknown as { uri: string }).uri;

/** Seat `i`'s socket.io connection, reconnecting with `seat.alt`; resolves once connected. */
async function openControl(s: FailoverSession, seat: Seat, i: number): Promise<void> {
  const socket = connectControl(seat, seat.origin ?? '', { reconnect: true });
  s.controls.push(socket);
  s.controlConnects[i] = 0;
  socket.on('connect', () => {
    s.controlAt[i] = wallNow();
    s.controlConnects[i] = (s.controlConnects[i] ?? 0) + 1;
  });
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (e) => reject(e));
    }),
    CONNECT_TIMEOUT_MS,
    'a socket.io connection',
  );
}

export const scaleoutHandlers = {
  /**
   * Connect every seat (a Yjs light client, and socket.io for a Purple seat), reconnecting
   * with `seat.alt`.
   */
  'scaleout.open': command(async (a: { seats: Seat[] }) => {
    const s: FailoverSession = { light: [], controls: [], controlAt: [], controlConnects: [] };
    const handle = nextSession++;
    sessions.set(handle, s);
    try {
      await inBatches(a.seats, 50, async (seat, i) => {
        if (!sessions.has(handle)) return; // another client's set-up broke: stop here
        // Hocuspocus has no socket.io: its seats are a Yjs connection only.
        if (isPurple(seat)) await openControl(s, seat, i);
        const c = new LightClient(seat, { reconnect: true });
        s.light[i] = c;
        c.connect();
        await withTimeout(c.whenSynced(), CONNECT_TIMEOUT_MS, 'a light client to sync');
      });
    } catch (err) {
      // Leave nothing reconnecting in the background when the set-up breaks.
      closeSession(handle);
      throw err;
    }
    return { handle };
  }),
  /**
   * Wait until every client is synced on an instance other than the dead one (its Yjs
   * socket and its socket.io connection both). Times are wall clock (comparable with the
   * orchestrator's kill time).
   */
  'scaleout.moved': command(
    async (a: { handle: number; deadWsBase: string; deadHttp: string; timeoutMs: number }) => {
      const s = session(a.handle);
      let ok = true;
      try {
        await until(
          'every client on the surviving instance',
          () =>
            s.light.every((c) => c.synced && c.target.wsBase !== a.deadWsBase) &&
            s.controls.every((c) => c.connected && managerUri(c) !== a.deadHttp),
          a.timeoutMs,
          5,
        );
      } catch {
        ok = false;
      }
      const perf = performance.now();
      const moved = s.light.filter((c) => c.syncs > 1);
      const lastSynced = Math.max(...moved.map((c) => c.syncedAt));
      const controlsBack = s.controlAt.filter((_, i) => (s.controlConnects[i] ?? 0) > 1);
      return {
        ok,
        moved: moved.length,
        controlsMoved: controlsBack.length,
        lastSyncedAt: moved.length > 0 ? wallNow() - (perf - lastSynced) : null,
        /** null when no control connection moved (Hocuspocus's seats have none). */
        lastControlAt: controlsBack.length > 0 ? Math.max(...controlsBack) : null,
        notSynced: s.light.filter((c) => !c.synced || c.target.wsBase === a.deadWsBase).length,
        /** Reconnect attempts of the clients that moved: most and median. */
        attemptsMax: Math.max(0, ...moved.map((c) => c.attempts - 1)),
        attemptsMedian: median(moved.map((c) => c.attempts - 1)),
      };
    },
  ),
  'scaleout.close': command(async (a: { handle: number }) => {
    closeSession(a.handle);
    return null;
  }),
};

// ── results ─────────────────────────────────────────────────────────────────────────────

export interface ScaleFanoutSide extends FanoutSide {
  /** Server CPU (all instances together) per edit, ms, per run. */
  cpuMsPerEdit: number[];
  /** Spread over two instances: p50 of arrivals on the writer's own instance, and the other. */
  sameInstanceP50?: Estimate;
  otherInstanceP50?: Estimate;
}

export interface ScaleFailoverRun {
  /** kill -9 → the last client of the killed instance synced again on the survivor, ms. */
  allSyncedMs: number;
  /**
   * kill -9 → the last of their socket.io connections back on the survivor, ms; null for
   * Hocuspocus (no socket.io).
   */
  allControlMs: number | null;
  /** Clients that were on the killed instance and moved (Yjs), and their control sockets. */
  moved: number;
  controlsMoved: number;
  /** Reconnect attempts per moved client (Yjs): median and most. */
  attemptsMedian: number;
  attemptsMax: number;
  ok: boolean;
  /** The survivor's RSS just before the kill, and its highest RSS until all had moved. */
  rssBefore: number;
  peakRss: number;
}

export interface ScaleoutResult {
  clients: number;
  /** Where Postgres and Redis came from: 'env', 'local' or 'throwaway'. */
  services: { postgres: string; redis: string };
  /** The CPUs the two instances were pinned to (absent: both on 0). */
  cpus?: [number, number];
  fanout?: {
    boardCards: number;
    writers: number;
    rate: number;
    edits: number;
    single: ScaleFanoutSide;
    cluster: ScaleFanoutSide;
    /**
     * Two `@hocuspocus/server` instances with the Redis extension (bench/lib/hocuspocus.ts),
     * clients spread the same way; null with `--no-hocuspocus`.
     */
    hocuspocus: ScaleFanoutSide | null;
    ratioP50: ReturnType<typeof bootstrapRatio>;
    ratioP99: ReturnType<typeof bootstrapRatio>;
    /** Purple's two instances ÷ Hocuspocus's two, p50 (when measured). */
    ratioP50Hocuspocus?: ReturnType<typeof bootstrapRatio>;
  };
  throughput?: {
    clients: number;
    writers: number;
    rates: number[];
    single: { runs: ThroughputRun[]; sustained: Estimate };
    cluster: { runs: ThroughputRun[]; sustained: Estimate };
    /**
     * Two fresh Hocuspocus instances with the Redis extension per run, clients spread the same
     * way; null with `--no-hocuspocus`.
     */
    hocuspocus: { runs: ThroughputRun[]; sustained: Estimate } | null;
  };
  failover?: {
    cards: number;
    runs: ScaleFailoverRun[];
    allSyncedMs: Estimate;
    allControlMs: Estimate;
    peakRss: Estimate;
    /**
     * Interleaved with the fail-over runs, under the same load: one SQLite instance with the
     * same clients and board, killed and restarted on its port (section 6's method: from
     * listening again; peak = the new process's VmHWM).
     */
    restart: { runs: StormRun[]; allSyncedMs: Estimate; peakRss: Estimate };
    /** Runs that broke before measuring (and why); not in the figures. */
    brokenRuns: string[];
    /**
     * The same fail-over between two Hocuspocus instances with the Redis extension, on a
     * board seeded the same way (Yjs only: no socket.io); interleaved with the other runs;
     * null with `--no-hocuspocus` or when none of its runs completed (see `brokenRuns`).
     */
    hocuspocus: { runs: ScaleFailoverRun[]; allSyncedMs: Estimate; peakRss: Estimate } | null;
  };
  join?: {
    cards: number;
    sqlite: JoinResult[];
    postgres: JoinResult[];
    sqliteContentMs: Estimate;
    postgresContentMs: Estimate;
    sqliteSyncMs: Estimate;
    postgresSyncMs: Estimate;
    /** Postgres ÷ SQLite, connect → every card. */
    ratio: ReturnType<typeof bootstrapRatio>;
  };
  /** Parts that failed (the others are still reported). */
  failed: Record<string, string>;
}

// ── the cluster's services ──────────────────────────────────────────────────────────────

interface Cluster {
  databaseUrl: string;
  /** The Redis the instances share, and this run's key prefix (Hocuspocus uses it too). */
  redisUrl: string;
  prefix: string;
  sources: { postgres: string; redis: string };
  /** Workshops and participants in the cluster's database (an in-process server). */
  setup(sizes: number[]): Promise<PurpleWorkshop[]>;
  /** Instance `k` (0 or 1) on the database and Redis, pinned to `cfg.scaleoutCpus[k]`. */
  start(k?: number): Promise<ServerProc>;
  /** Drop the database and the Redis keys; stop throwaway services. */
  close(): Promise<void>;
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function deleteKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  let n = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) n += await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return n;
}

async function openCluster(ctx: Ctx, services: ServiceUrls): Promise<Cluster> {
  const postgres = services.databaseUrl ? null : await ensurePostgres();
  const baseUrl = services.databaseUrl ?? (postgres?.url as string);
  const redis = services.redisUrl ? null : await ensureRedis();
  const redisUrl = services.redisUrl ?? (redis?.url as string);
  const tag = `${process.pid}_${randomBytes(4).toString('hex')}`;
  // A database of this run's own; where the role may not create one (a managed
  // DATABASE_URL), a schema of its own instead, as the cluster tests use.
  let dbName = `purple_bench_${tag}`;
  let databaseUrl: string;
  let dropDatabase: () => Promise<void>;
  try {
    await adminQuery(baseUrl, `create database "${dbName}"`);
    const url = new URL(baseUrl);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
    const name = dbName;
    dropDatabase = () => adminQuery(baseUrl, `drop database if exists "${name}" with (force)`);
  } catch (err) {
    const { schema, drop } = await freshSchema(baseUrl);
    ctx.log(`scale-out: cannot create a database (${String(err)}); using schema ${schema}`);
    const url = new URL(baseUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    databaseUrl = url.toString();
    dbName = `schema ${schema}`;
    dropDatabase = drop;
  }
  const prefix = `purple-bench:${tag}:`;
  const dataDir = freshDir('purple-bench-cluster-');
  ctx.cleanup.push(dataDir);
  // Every instance signs and checks the same cookies.
  const secret = randomBytes(32).toString('hex');
  ctx.log(
    `scale-out: Postgres ${postgres?.source ?? 'env'} (database ${dbName}), Redis ${redis?.source ?? 'env'} (prefix ${prefix})`,
  );
  return {
    databaseUrl,
    redisUrl,
    prefix,
    sources: { postgres: postgres?.source ?? 'env', redis: redis?.source ?? 'env' },
    setup: (sizes) => setupPurple(dataDir, sizes, { databaseUrl, secret }),
    start: (k = 0) =>
      startServer('purple', {
        dataDir,
        cpu: ctx.cfg.scaleoutCpus?.[k] ?? 0,
        env: {
          DATABASE_URL: databaseUrl,
          REDIS_URL: redisUrl,
          REDIS_PREFIX: prefix,
          PURPLE_SECRET: secret,
          LIMIT_REQUESTS_PER_PERSON_PER_10_S: '1000000',
        },
      }),
    async close() {
      await dropDatabase().catch((err: unknown) =>
        ctx.log(`scale-out: could not drop ${dbName}: ${String(err)}`),
      );
      await deleteKeys(redisUrl, prefix).catch((err: unknown) =>
        ctx.log(`scale-out: could not delete the Redis keys ${prefix}*: ${String(err)}`),
      );
      if (postgres?.source === 'throwaway') await postgres.stop();
      if (redis?.source === 'throwaway') await redis.stop();
    },
  };
}

/** Seats for `n` participants, seat i on instance i mod 2, reconnecting to the other one. */
function spreadSeats(servers: ServerProc[], w: PurpleWorkshop, n: number): Seat[] {
  const per = servers.map((s) => purpleSeats(s, w, n));
  return Array.from({ length: n }, (_, i) => {
    const own = per[i % servers.length]?.[i] as Seat;
    const other = per[(i + 1) % servers.length]?.[i] as Seat;
    return servers.length > 1
      ? { ...own, alt: { wsBase: other.wsBase, origin: other.origin } }
      : own;
  });
}

async function stopAll(servers: ServerProc[]): Promise<void> {
  await Promise.all(servers.map((s) => s.stop()));
}

/**
 * Two Hocuspocus instances with its Redis extension, on the CPUs Purple's two get, sharing
 * one SQLite file in `dataDir` (as its instances share one database) and this run's Redis
 * prefix, with a distinct name each (issue 12's second reference).
 */
async function startHocusPair(ctx: Ctx, cluster: Cluster, dataDir: string): Promise<ServerProc[]> {
  const u = new URL(cluster.redisUrl);
  const redis = {
    host: u.hostname,
    port: Number(u.port || 6379),
    prefix: `${cluster.prefix}hocus:`,
  };
  const pair: ServerProc[] = [];
  try {
    for (const k of [0, 1])
      pair.push(
        await startHocuspocus({
          dataDir,
          redis,
          name: `hocus-scale-${k}`,
          cpu: ctx.cfg.scaleoutCpus?.[k] ?? 0,
        }),
      );
  } catch (err) {
    await stopAll(pair);
    throw err;
  }
  return pair;
}

/** Hocuspocus seats on document `doc`, seat i on instance i mod 2, reconnecting to the other. */
function hocusSpreadSeats(pair: ServerProc[], doc: string, n: number): Seat[] {
  return Array.from({ length: n }, (_, i) => {
    const own = pair[i % pair.length] as ServerProc;
    const other = pair[(i + 1) % pair.length] as ServerProc;
    return { ...hocuspocusSeat(own, doc), alt: { wsBase: other.wsUrl } };
  });
}

// ── the parts ───────────────────────────────────────────────────────────────────────────

interface Workshops {
  single: {
    fanout: PurpleWorkshop;
    throughput: PurpleWorkshop;
    failover: PurpleWorkshop;
    join: PurpleWorkshop;
  };
  cluster: {
    fanout: PurpleWorkshop;
    throughput: PurpleWorkshop;
    failover: PurpleWorkshop;
    join: PurpleWorkshop;
  };
}

function fanoutSide(
  windows: (WindowResult & { serverCpuMsPerEdit: number })[],
  connectMs: number[],
): ScaleFanoutSide {
  const split = windows.flatMap((w) => (w.byServer ? [w.byServer] : []));
  return {
    p50: bootstrapMedian(windows.map((w) => w.p50)),
    p99: bootstrapMedian(windows.map((w) => w.p99)),
    windows,
    connectMs,
    cpuMsPerEdit: windows.map((w) => w.serverCpuMsPerEdit),
    ...(split.length > 0
      ? {
          sameInstanceP50: bootstrapMedian(split.map((b) => b.same.p50)),
          otherInstanceP50: bootstrapMedian(split.map((b) => b.other.p50)),
        }
      : {}),
  };
}

async function fanoutPart(
  ctx: Ctx,
  cluster: Cluster,
  sqliteDir: string,
  w: Workshops,
): Promise<NonNullable<ScaleoutResult['fanout']>> {
  const { cfg, lg } = ctx;
  const n = cfg.scaleoutClients;
  const opts = {
    writers: cfg.fanoutWriters,
    warmup: cfg.fanoutWarmup,
    edits: cfg.fanoutEdits,
    rate: cfg.fanoutRate,
  };
  const single = await startServer('purple', { dataDir: sqliteDir });
  const pair: ServerProc[] = [];
  const hocus: ServerProc[] = [];
  try {
    pair.push(await cluster.start(0), await cluster.start(1));
    const seats = {
      single: purpleSeats(single, w.single.fanout, n),
      cluster: spreadSeats(pair, w.cluster.fanout, n),
    };
    const cpu = {
      single: { cpuMs: () => single.cpuMs() },
      cluster: { cpuMs: () => pair.reduce((t, s) => t + s.cpuMs(), 0) },
    };
    if (cfg.fanoutBoardCards > 0)
      for (const kind of ['single', 'cluster'] as const)
        await lg.call('board.seed', {
          seat: seats[kind][0],
          cards: cfg.fanoutBoardCards,
          filled: true,
        });
    // Two Hocuspocus instances with its Redis extension, on the same CPUs, sharing one
    // SQLite file and this run's Redis prefix, clients spread the same way (issue 12).
    const hocusSeats: Seat[] = [];
    if (cfg.hocuspocus) {
      const dataDir = freshDir('purple-bench-hocus-scale-');
      ctx.cleanup.push(dataDir);
      hocus.push(...(await startHocusPair(ctx, cluster, dataDir)));
      hocusSeats.push(...hocusSpreadSeats(hocus, 'scaleout', n));
      if (cfg.fanoutBoardCards > 0)
        await lg.call('board.seed', {
          seat: hocusSeats[0],
          cards: cfg.fanoutBoardCards,
          filled: true,
        });
    }
    const hocusCpu = { cpuMs: () => hocus.reduce((t, s) => t + s.cpuMs(), 0) };
    type Kind = 'single' | 'cluster' | 'hocus';
    type Acc = { windows: (WindowResult & { serverCpuMsPerEdit: number })[]; connect: number[] };
    const acc: Record<Kind, Acc> = {
      single: { windows: [], connect: [] },
      cluster: { windows: [], connect: [] },
      hocus: { windows: [], connect: [] },
    };
    const kinds: Kind[] =
      hocusSeats.length > 0 ? ['single', 'cluster', 'hocus'] : ['single', 'cluster'];
    const names: Record<Kind, string> = {
      single: 'one instance (SQLite)',
      cluster: 'two instances (Postgres + Redis)',
      hocus: 'two Hocuspocus instances (Redis)',
    };
    for (let r = 0; r < cfg.scaleoutRuns; r++) {
      for (const kind of interleaveAll(r, kinds)) {
        const run =
          kind === 'hocus'
            ? await oneRun(ctx, hocusCpu, hocusSeats, opts)
            : await oneRun(ctx, cpu[kind], seats[kind], opts);
        const { window, connectMs } = run;
        acc[kind].windows.push(window);
        acc[kind].connect.push(connectMs);
        ctx.log(
          `scale-out fan-out ${n} clients, run ${r + 1}/${cfg.scaleoutRuns}, ${names[kind]}: p50 ${window.p50.toFixed(2)} ms, p99 ${window.p99.toFixed(2)} ms (${window.received}/${window.expected})${window.byServer ? ` [p50 on the writer's instance ${window.byServer.same.p50.toFixed(2)} ms, on the other ${window.byServer.other.p50.toFixed(2)} ms]` : ''}; server CPU ${window.serverCpuMsPerEdit.toFixed(2)} ms/edit`,
        );
      }
    }
    const p50 = (k: Kind) => acc[k].windows.map((x) => x.p50);
    const p99 = (k: 'single' | 'cluster') => acc[k].windows.map((x) => x.p99);
    return {
      boardCards: cfg.fanoutBoardCards,
      writers: opts.writers,
      rate: opts.rate,
      edits: opts.edits,
      single: fanoutSide(acc.single.windows, acc.single.connect),
      cluster: fanoutSide(acc.cluster.windows, acc.cluster.connect),
      hocuspocus:
        acc.hocus.windows.length > 0 ? fanoutSide(acc.hocus.windows, acc.hocus.connect) : null,
      ratioP50: bootstrapRatio(p50('cluster'), p50('single')),
      ratioP99: bootstrapRatio(p99('cluster'), p99('single')),
      ...(acc.hocus.windows.length > 0
        ? { ratioP50Hocuspocus: bootstrapRatio(p50('cluster'), p50('hocus')) }
        : {}),
    };
  } finally {
    await stopAll([single, ...pair, ...hocus]);
  }
}

async function throughputPart(
  ctx: Ctx,
  cluster: Cluster,
  sqliteDir: string,
  w: Workshops,
): Promise<NonNullable<ScaleoutResult['throughput']>> {
  const { cfg } = ctx;
  const n = cfg.throughputClients;
  type Kind = 'single' | 'cluster' | 'hocus';
  const runs: Record<Kind, ThroughputRun[]> = { single: [], cluster: [], hocus: [] };
  const kinds: Kind[] = cfg.hocuspocus ? ['single', 'cluster', 'hocus'] : ['single', 'cluster'];
  // Hocuspocus's runs share one SQLite file and document, as Purple's share one workshop.
  const hocusDir = cfg.hocuspocus ? freshDir('purple-bench-hocus-tput-') : '';
  if (hocusDir) ctx.cleanup.push(hocusDir);
  for (let r = 0; r < cfg.scaleoutThroughputRuns; r++) {
    for (const kind of interleaveAll(r, kinds)) {
      // Fresh servers per run, as throughput.ts does.
      const servers: ServerProc[] = [];
      try {
        let seats: Seat[];
        if (kind === 'single') {
          servers.push(await startServer('purple', { dataDir: sqliteDir }));
          seats = purpleSeats(servers[0] as ServerProc, w.single.throughput, n);
        } else if (kind === 'cluster') {
          servers.push(await cluster.start(0), await cluster.start(1));
          seats = spreadSeats(servers, w.cluster.throughput, n);
        } else {
          servers.push(...(await startHocusPair(ctx, cluster, hocusDir)));
          seats = hocusSpreadSeats(servers, 'scaleout-throughput', n);
        }
        const run = await stepRun(ctx, seats);
        runs[kind].push(run);
        ctx.log(
          `scale-out throughput ${n} clients, run ${r + 1}/${cfg.scaleoutThroughputRuns}, ${kind}: sustained ${run.sustained}/s (${run.stoppedBy})`,
        );
      } finally {
        await stopAll(servers);
      }
    }
  }
  const side = (xs: ThroughputRun[]) => ({
    runs: xs,
    sustained: bootstrapMedian(xs.map((x) => x.sustained)),
  });
  return {
    clients: n,
    writers: cfg.throughputWriters,
    rates: cfg.throughputRates,
    single: side(runs.single),
    cluster: side(runs.cluster),
    hocuspocus: cfg.hocuspocus ? side(runs.hocus) : null,
  };
}

/** One kind of two-instance set-up the fail-over runs kill one of. */
interface FailoverPair {
  /** Its name in the log. */
  name: string;
  /** Start both instances (the board is already stored). */
  start(): Promise<ServerProc[]>;
  /** `n` seats spread over both, each with the other instance as `alt`. */
  seats(pair: ServerProc[], n: number): Seat[];
  /** The address an instance's Yjs clients connect to (as `LightClient.target.wsBase`). */
  yjsBase(s: ServerProc): string;
}

/** Purple's two cluster instances, the board seeded in Postgres. */
function purpleFailoverPair(cluster: Cluster, w: Workshops): FailoverPair {
  return {
    name: 'Purple',
    start: async () => [await cluster.start(0), await cluster.start(1)],
    seats: (pair, n) => spreadSeats(pair, w.cluster.failover, n),
    yjsBase: (s) => `${s.wsUrl}/yjs`,
  };
}

const HOCUS_FAILOVER_DOC = 'scaleout-failover';

/**
 * Two Hocuspocus instances on one SQLite file, with the same board as Purple's (section 4's
 * seeding: the same cards, ids and texts), so the state a moved client syncs is comparable.
 * Hocuspocus stores seconds after the last change, so the board is checked back from the
 * file by a fresh pair before any run counts on it.
 */
async function hocusFailoverPair(ctx: Ctx, cluster: Cluster): Promise<FailoverPair> {
  const { cfg, lg } = ctx;
  const dataDir = freshDir('purple-bench-hocus-failover-');
  ctx.cleanup.push(dataDir);
  const pairKind: FailoverPair = {
    name: 'Hocuspocus',
    start: () => startHocusPair(ctx, cluster, dataDir),
    seats: (pair, n) => hocusSpreadSeats(pair, HOCUS_FAILOVER_DOC, n),
    yjsBase: (s) => s.wsUrl,
  };
  const cards = cfg.reconnectCards;
  const withPair = async (fn: (seat: Seat) => Promise<void>) => {
    const pair = await pairKind.start();
    try {
      await fn(pairKind.seats(pair, 1)[0] as Seat);
    } finally {
      // SIGTERM: each document's last store finishes before the process exits.
      await stopAll(pair);
    }
  };
  await withPair(async (seat) => {
    await lg.call('board.seed', { seat, cards });
  });
  await withPair(async (seat) => {
    const j = await lg.call<JoinResult>('board.join', { seat, cards, timeoutMs: 30_000 });
    if (j.contentMs === null)
      throw new Error(`Hocuspocus's SQLite file does not hold the ${cards} seeded cards`);
  });
  return pairKind;
}

async function failoverPart(
  ctx: Ctx,
  cluster: Cluster,
  sqliteDir: string,
  w: Workshops,
): Promise<NonNullable<ScaleoutResult['failover']>> {
  const { cfg, lg } = ctx;
  // The reconnect section's board size, so the figures sit side by side.
  for (const kind of ['single', 'cluster'] as const) {
    const s =
      kind === 'single'
        ? await startServer('purple', { dataDir: sqliteDir })
        : await cluster.start();
    try {
      await lg.call('board.seed', {
        seat: purpleSeats(s, w[kind].failover, 1)[0],
        cards: cfg.reconnectCards,
      });
    } finally {
      await s.stop();
    }
  }
  const purple = purpleFailoverPair(cluster, w);
  const hocus = cfg.hocuspocus ? await hocusFailoverPair(ctx, cluster) : null;
  type Kind = 'cluster' | 'single' | 'hocus';
  const kinds: Kind[] = hocus ? ['cluster', 'single', 'hocus'] : ['cluster', 'single'];
  const runs: ScaleFailoverRun[] = [];
  const hocusRuns: ScaleFailoverRun[] = [];
  const restarts: StormRun[] = [];
  const brokenRuns: string[] = [];
  for (let r = 0; r < cfg.scaleoutFailoverRuns; r++) {
    for (const kind of interleaveAll(r, kinds)) {
      // A run that breaks (a client that never connected) is counted and the next one
      // tried; the part fails only when no run of Purple's kinds completed.
      try {
        if (kind === 'cluster') runs.push(await failoverRun(ctx, purple, r));
        else if (kind === 'hocus' && hocus) hocusRuns.push(await failoverRun(ctx, hocus, r));
        else restarts.push(await restartRun(ctx, sqliteDir, w, r));
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        brokenRuns.push(`${kind} run ${r + 1}: ${message.split('\n')[0]}`);
        ctx.log(`scale-out fail-over, ${kind} run ${r + 1} broke: ${message}`);
      }
    }
  }
  if (runs.length === 0 || restarts.length === 0)
    throw new Error(`no complete fail-over or restart run: ${brokenRuns.join('; ')}`);
  return {
    cards: cfg.reconnectCards,
    runs,
    allSyncedMs: bootstrapMedian(runs.map((x) => x.allSyncedMs)),
    allControlMs: bootstrapMedian(runs.map((x) => x.allControlMs ?? Number.NaN)),
    peakRss: bootstrapMedian(runs.map((x) => x.peakRss)),
    restart: {
      runs: restarts,
      allSyncedMs: bootstrapMedian(restarts.map((x) => x.allSyncedMs)),
      peakRss: bootstrapMedian(restarts.map((x) => x.peakRss)),
    },
    brokenRuns,
    hocuspocus:
      hocusRuns.length > 0
        ? {
            runs: hocusRuns,
            allSyncedMs: bootstrapMedian(hocusRuns.map((x) => x.allSyncedMs)),
            peakRss: bootstrapMedian(hocusRuns.map((x) => x.peakRss)),
          }
        : null,
  };
}

interface MovedResult {
  ok: boolean;
  moved: number;
  controlsMoved: number;
  lastSyncedAt: number | null;
  lastControlAt: number | null;
  notSynced: number;
  attemptsMedian: number;
  attemptsMax: number;
}

/** Two instances, clients spread, kill -9 one: until every client is on the survivor. */
async function failoverRun(ctx: Ctx, kind: FailoverPair, r: number): Promise<ScaleFailoverRun> {
  const { cfg, lg } = ctx;
  const n = cfg.scaleoutClients;
  const pair = await kind.start();
  try {
    const { handle } = await lg.call<{ handle: number }>('scaleout.open', {
      seats: kind.seats(pair, n),
    });
    try {
      await sleep(500);
      // Alternate which instance dies.
      const victim = pair[r % 2] as ServerProc;
      const survivor = pair[(r + 1) % 2] as ServerProc;
      const rssBefore = survivor.rss();
      let peak = rssBefore;
      const killedAt = wallNow();
      await victim.kill9();
      const sampler = setInterval(() => {
        peak = Math.max(peak, survivor.rss() || 0);
      }, 50);
      const res = await lg
        .call<MovedResult>('scaleout.moved', {
          handle,
          deadWsBase: kind.yjsBase(victim),
          deadHttp: victim.httpUrl,
          timeoutMs: 60_000,
        })
        .finally(() => clearInterval(sampler));
      peak = Math.max(peak, survivor.rss() || 0);
      const run: ScaleFailoverRun = {
        allSyncedMs: (res.lastSyncedAt ?? Number.NaN) - killedAt,
        allControlMs: res.lastControlAt === null ? null : res.lastControlAt - killedAt,
        moved: res.moved,
        controlsMoved: res.controlsMoved,
        attemptsMedian: res.attemptsMedian,
        attemptsMax: res.attemptsMax,
        ok: res.ok,
        rssBefore,
        peakRss: peak,
      };
      logFailover(ctx, kind, run, res.notSynced, r);
      return run;
    } finally {
      await lg.call('scaleout.close', { handle });
    }
  } finally {
    await stopAll(pair);
  }
}

function logFailover(
  ctx: Ctx,
  kind: FailoverPair,
  run: ScaleFailoverRun,
  notSynced: number,
  r: number,
): void {
  const { cfg } = ctx;
  const mib = (b: number) => (b / 2 ** 20).toFixed(1);
  const control =
    run.allControlMs === null ? '' : `, socket.io back after ${run.allControlMs.toFixed(0)} ms`;
  ctx.log(
    `scale-out fail-over ${cfg.scaleoutClients} clients, ${kind.name}, run ${r + 1}/${cfg.scaleoutFailoverRuns}: ${run.moved} moved, all synced on the survivor ${run.allSyncedMs.toFixed(0)} ms after kill -9${run.ok ? '' : ` (NOT all: ${notSynced} not synced)`}${control}; attempts per moved client median ${run.attemptsMedian}, most ${run.attemptsMax}; survivor RSS ${mib(run.rssBefore)} → peak ${mib(run.peakRss)} MiB`,
  );
}

/** One SQLite instance, the same clients: kill -9, restart on the port (reconnect.ts's way). */
async function restartRun(ctx: Ctx, sqliteDir: string, w: Workshops, r: number): Promise<StormRun> {
  const { cfg, lg } = ctx;
  const n = cfg.scaleoutClients;
  const first = await startServer('purple', { dataDir: sqliteDir });
  let again: ServerProc | null = null;
  const { handle } = await lg.call<{ handle: number }>('idle.open', {
    seats: purpleSeats(first, w.single.failover, n),
    kind: 'light',
    controlBase: first.httpUrl,
    reconnect: true,
  });
  try {
    await sleep(500);
    await first.kill9();
    const restarted = await startServer('purple', { dataDir: sqliteDir, port: first.port });
    again = restarted;
    let peak = restarted.hwm();
    const sampler = setInterval(() => {
      peak = Math.max(peak, restarted.hwm());
    }, 50);
    const res = await lg
      .call<{ ok: boolean; lastSyncedAt: number; lastControlAt: number | null }>('idle.resynced', {
        handle,
        minSyncs: 2,
        timeoutMs: 60_000,
      })
      .finally(() => clearInterval(sampler));
    peak = Math.max(peak, restarted.hwm());
    const run: StormRun = {
      allSyncedMs: res.lastSyncedAt - restarted.readyAt,
      allControlMs: res.lastControlAt === null ? null : res.lastControlAt - restarted.readyAt,
      ok: res.ok,
      peakRss: peak,
      rssAfter: restarted.rss(),
    };
    ctx.log(
      `scale-out one-instance restart ${n} clients, run ${r + 1}/${cfg.scaleoutFailoverRuns}: all synced ${run.allSyncedMs.toFixed(0)} ms after listening again${run.ok ? '' : ' (NOT all)'}, peak RSS ${(peak / 2 ** 20).toFixed(1)} MiB`,
    );
    return run;
  } finally {
    await lg.call('idle.close', { handle });
    await first.stop();
    await again?.stop();
  }
}

async function joinPart(
  ctx: Ctx,
  cluster: Cluster,
  sqliteDir: string,
  w: Workshops,
): Promise<NonNullable<ScaleoutResult['join']>> {
  const { cfg, lg } = ctx;
  const cards = cfg.joinCards;
  // One instance each: the cluster's board comes from Postgres, the other's from SQLite.
  const start = (kind: 'sqlite' | 'postgres') =>
    kind === 'sqlite' ? startServer('purple', { dataDir: sqliteDir }) : cluster.start();
  const workshop = (kind: 'sqlite' | 'postgres') =>
    kind === 'sqlite' ? w.single.join : w.cluster.join;
  for (const kind of ['sqlite', 'postgres'] as const) {
    const s = await start(kind);
    try {
      await lg.call('board.seed', {
        seat: purpleSeats(s, workshop(kind), 1)[0],
        cards,
        filled: true,
      });
    } finally {
      await s.stop();
    }
  }
  const joins = { sqlite: [] as JoinResult[], postgres: [] as JoinResult[] };
  for (let r = 0; r < cfg.scaleoutJoinRuns; r++) {
    for (const kind of interleave(r, 'sqlite' as const, 'postgres' as const)) {
      const s = await start(kind);
      try {
        const j = await lg.call<JoinResult>('board.join', {
          seat: purpleSeats(s, workshop(kind), 2)[1],
          cards,
          timeoutMs: 60_000,
        });
        joins[kind].push(j);
        ctx.log(
          `scale-out join ${cards} cards cold, run ${r + 1}/${cfg.scaleoutJoinRuns}, ${kind}: ${j.contentMs?.toFixed(1)} ms (${j.cardsAtSync} cards at sync)`,
        );
      } finally {
        await s.stop();
      }
    }
  }
  const content = (xs: JoinResult[]) => xs.map((x) => x.contentMs ?? Number.NaN);
  const synced = (xs: JoinResult[]) => xs.map((x) => x.syncMs ?? Number.NaN);
  return {
    cards,
    sqlite: joins.sqlite,
    postgres: joins.postgres,
    sqliteContentMs: bootstrapMedian(content(joins.sqlite)),
    postgresContentMs: bootstrapMedian(content(joins.postgres)),
    sqliteSyncMs: bootstrapMedian(synced(joins.sqlite)),
    postgresSyncMs: bootstrapMedian(synced(joins.postgres)),
    ratio: bootstrapRatio(content(joins.postgres), content(joins.sqlite)),
  };
}

export async function measureScaleout(ctx: Ctx, services: ServiceUrls): Promise<ScaleoutResult> {
  const { cfg } = ctx;
  const n = cfg.scaleoutClients;
  const cluster = await openCluster(ctx, services);
  const result: ScaleoutResult = {
    clients: n,
    services: cluster.sources,
    cpus: cfg.scaleoutCpus ?? [0, 0],
    failed: {},
  };
  try {
    const sqliteDir = freshDir('purple-bench-scaleout-');
    ctx.cleanup.push(sqliteDir);
    const t0 = performance.now();
    const sizes = [n, cfg.throughputClients, n, 4];
    const [sf, st, sv, sj] = await setupPurple(sqliteDir, sizes);
    const [cf, ct, cv, cj] = await cluster.setup(sizes);
    if (!sf || !st || !sv || !sj || !cf || !ct || !cv || !cj) throw new Error('missing workshop');
    ctx.log(`scale-out: workshops set up in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const w: Workshops = {
      single: { fanout: sf, throughput: st, failover: sv, join: sj },
      cluster: { fanout: cf, throughput: ct, failover: cv, join: cj },
    };
    const parts: [string, () => Promise<void>][] = [
      [
        'fanout',
        async () => {
          result.fanout = await fanoutPart(ctx, cluster, sqliteDir, w);
        },
      ],
      [
        'throughput',
        async () => {
          result.throughput = await throughputPart(ctx, cluster, sqliteDir, w);
        },
      ],
      [
        'failover',
        async () => {
          result.failover = await failoverPart(ctx, cluster, sqliteDir, w);
        },
      ],
      [
        'join',
        async () => {
          result.join = await joinPart(ctx, cluster, sqliteDir, w);
        },
      ],
    ];
    for (const [name, run] of parts) {
      if (cfg.scaleoutParts && !cfg.scaleoutParts.includes(name)) continue;
      try {
        await run();
      } catch (err) {
        const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
        result.failed[name] = message;
        ctx.log(`scale-out ${name} FAILED: ${message}`);
      }
    }
  } finally {
    await cluster.close();
  }
  return result;
}
