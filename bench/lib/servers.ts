/**
 * Starting and stopping the servers under test as child processes, each pinned to CPU 0
 * when `taskset` exists (the load generator runs on CPU 1):
 *
 * - `ref-mem`: `@y/websocket-server` 0.1.1's own `src/server.js`, in memory;
 * - `ref-ldb`: the same with `YPERSISTENCE` pointing at a LevelDB folder;
 * - `purple`: `node dist/index.mjs --no-next` (the bundled server, built here when stale) with
 *   NODE_ENV=production and a SQLite data folder (the realtime part of what `npm start` runs;
 *   Next pages off);
 * - `purple-next`: the same with the Next pages on, as `npm start` runs it (needs a build);
 * - `hocuspocus`: `@hocuspocus/server` 3.4.4 with its SQLite (and optionally Redis) extension,
 *   `bench/lib/hocuspocusServer.mjs`; start it through `startHocuspocus` (lib/hocuspocus.ts).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureServerBuild, SERVER_ENTRY } from '../../scripts/buildServer';

export type ServerKind = 'ref-mem' | 'ref-ldb' | 'purple' | 'purple-next' | 'hocuspocus';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const REFERENCE_SERVER = path.join(ROOT, 'node_modules/@y/websocket-server/src/server.js');
const HOCUSPOCUS_SERVER = path.join(ROOT, 'bench/lib/hocuspocusServer.mjs');

/** True when the server and the load generator can be pinned to separate cores. */
export const canPin =
  os.platform() === 'linux' &&
  os.availableParallelism() >= 2 &&
  spawnSync('sh', ['-c', 'command -v taskset'], { stdio: 'ignore' }).status === 0;

/** `taskset -c <cpu>` in front of a command when pinning is possible. */
export function pinned(cpu: number, command: string, args: string[]): [string, string[]] {
  return canPin ? ['taskset', ['-c', String(cpu), command, ...args]] : [command, args];
}

/** Ask the OS for a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes. */
export function wallNow(): number {
  return performance.timeOrigin + performance.now();
}

export interface StartOpts {
  /** Purple's DATA_DIR. */
  dataDir?: string;
  /** The LevelDB folder for `ref-ldb`. */
  ldbDir?: string;
  /** Reuse a port (a restart keeps the clients' URL); a fresh one otherwise. */
  port?: number;
  /** Write a V8 CPU profile into this folder when the server exits on SIGTERM. */
  cpuProfDir?: string;
  /** The CPU to pin the server to (0 unless the scale-out section is told otherwise). */
  cpu?: number;
  /** Preload bench/lib/gcProbe.mjs (SIGUSR2 → full GC → memoryUsage on stderr). */
  gcProbe?: boolean;
  env?: Record<string, string>;
}

export interface ServerProc {
  kind: ServerKind;
  pid: number;
  port: number;
  /** http://127.0.0.1:<port> */
  httpUrl: string;
  /** ws://127.0.0.1:<port> */
  wsUrl: string;
  /** Wall-clock time (wallNow) at which the server said it was listening. */
  readyAt: number;
  child: ChildProcess;
  exited: Promise<void>;
  /** Resident set size now, in bytes (/proc/<pid>/status VmRSS). */
  rss(): number;
  /** Peak resident set size since start, in bytes (VmHWM). */
  hwm(): number;
  /** CPU time (user + system) used so far, in ms (/proc/<pid>/stat). */
  cpuMs(): number;
  /** With `gcProbe`: force a full GC in the server and read process.memoryUsage(). */
  memoryAfterGc(): Promise<NodeJS.MemoryUsage>;
  kill9(): Promise<void>;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

function procStatus(pid: number, field: string): number {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
    return m?.[1] ? Number(m[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

const TICKS_PER_SECOND = 100;

function procCpuMs(pid: number): number {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
    return (ticks * 1000) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/** Limits high enough that the bench's thousands of local clients are never refused. */
export const BENCH_LIMITS_ENV: Record<string, string> = {
  LIMIT_WORKSHOPS_PER_HOUR: '1000000',
  LIMIT_JOINS_PER_LINK_PER_HOUR: '1000000',
  LIMIT_JOINS_PER_ADDRESS_PER_10_MIN: '1000000',
  LIMIT_CONNECTIONS_PER_PERSON: '1000',
  LIMIT_CONNECTIONS_PER_ADDRESS: '1000000',
};

let bundled: Promise<boolean> | null = null;

/** Start one server and resolve once it listens. */
export async function startServer(kind: ServerKind, opts: StartOpts = {}): Promise<ServerProc> {
  if (kind === 'purple' || kind === 'purple-next') {
    bundled ??= ensureServerBuild(ROOT);
    if (!(await bundled)) throw new Error('bundling the server failed');
  }
  const port = opts.port ?? (await freePort());
  const prof = opts.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`] : [];
  if (opts.gcProbe) prof.push('--import', path.join(ROOT, 'bench/lib/gcProbe.mjs'));
  let args: string[];
  const env: Record<string, string | undefined> = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    ...opts.env,
  };
  let ready: RegExp;
  if (kind === 'ref-mem' || kind === 'ref-ldb') {
    if (!existsSync(REFERENCE_SERVER)) {
      throw new Error(
        '@y/websocket-server 0.1.1 is not installed: run npm ci (without --omit=optional)',
      );
    }
    // The reference has no signal handlers; the preload lets a profiled run exit cleanly.
    const preload = opts.cpuProfDir
      ? ['--import', path.join(ROOT, 'bench/lib/exitOnSignal.mjs')]
      : [];
    args = [...prof, ...preload, REFERENCE_SERVER];
    delete env.YPERSISTENCE;
    if (kind === 'ref-ldb') {
      if (!opts.ldbDir) throw new Error('ref-ldb needs ldbDir');
      env.YPERSISTENCE = opts.ldbDir;
    }
    ready = /running at/;
  } else if (kind === 'hocuspocus') {
    // Its settings (HOCUS_DB, HOCUS_REDIS_*) come in opts.env from startHocuspocus.
    if (!env.HOCUS_DB) throw new Error('hocuspocus needs HOCUS_DB: use startHocuspocus');
    args = [...prof, HOCUSPOCUS_SERVER];
    ready = /hocuspocus running at/;
  } else {
    if (!opts.dataDir) throw new Error('purple needs dataDir');
    args = [...prof, SERVER_ENTRY, ...(kind === 'purple' ? ['--no-next'] : [])];
    env.NODE_ENV = 'production';
    env.NEXT_TELEMETRY_DISABLED = '1';
    // Every bench client comes from 127.0.0.1: lift the door's per-address and per-person
    // caps (their bookkeeping still runs on every connection).
    Object.assign(env, BENCH_LIMITS_ENV, opts.env);
    env.DATA_DIR = opts.dataDir;
    env.PURPLE_LOG = env.PURPLE_LOG ?? 'warn';
    // Stop at once on SIGTERM (no redeploy drain), as before issue 12's draining.
    env.DRAIN_MS = env.DRAIN_MS ?? '0';
    // The bench seeds boards of thousands of cards from one client in seconds; the card
    // rate limit (I21) would refuse that, and it is not what the bench measures.
    env.CARDS_PER_MINUTE = env.CARDS_PER_MINUTE ?? '1000000';
    ready = /running at/;
  }
  const [cmd, cmdArgs] = pinned(opts.cpu ?? 0, process.execPath, args);
  const child = spawn(cmd, cmdArgs, {
    cwd: ROOT,
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let out = '';
  const readyAt = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${kind} did not start in 60 s: ${out}`)),
      60_000,
    );
    const onData = (d: Buffer) => {
      out += String(d);
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve(wallNow());
      }
      if (out.length > 20_000) out = out.slice(-10_000);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (d: Buffer) => {
      out += String(d);
      if (process.env.BENCH_VERBOSE) process.stderr.write(`[${kind}] ${d}`);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${kind} exited early (${code ?? signal}): ${out.slice(-2000)}`));
    });
  });
  // Keep draining output so a chatty server never blocks on a full pipe.
  child.stdout?.resume();
  const pid = child.pid ?? -1;
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    kind,
    pid,
    port,
    httpUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    readyAt,
    child,
    exited,
    rss: () => procStatus(pid, 'VmRSS'),
    hwm: () => procStatus(pid, 'VmHWM'),
    cpuMs: () => procCpuMs(pid),
    memoryAfterGc: () =>
      new Promise<NodeJS.MemoryUsage>((resolve, reject) => {
        let buf = '';
        const timer = setTimeout(() => {
          child.stderr?.off('data', on);
          reject(new Error('no memory report (was the server started with gcProbe?)'));
        }, 60_000);
        const on = (d: Buffer) => {
          buf += String(d);
          const m = /BENCH-MEMORY (\{.*\})/.exec(buf);
          if (!m?.[1]) return;
          clearTimeout(timer);
          child.stderr?.off('data', on);
          resolve(JSON.parse(m[1]) as NodeJS.MemoryUsage);
        };
        child.stderr?.on('data', on);
        child.kill('SIGUSR2');
      }),
    async kill9() {
      if (!gone()) child.kill('SIGKILL');
      await exited;
    },
    async stop(graceMs = 10_000) {
      if (gone()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
