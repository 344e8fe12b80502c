/**
 * Finds a PostgreSQL server for tests, starting a throwaway one when none answers
 * (TOOLCHAIN 14; issue 12). Order: $TEST_DATABASE_URL or $DATABASE_URL (a postgres URL);
 * else 127.0.0.1:5432 (trust auth, database `test`) when it answers; else a fresh cluster
 * from Debian's `postgresql` binaries (initdb + pg_ctl from /usr/lib/postgresql/<v>/bin) in
 * a temp folder on a free port, run as a non-root user, stopped by `stop()` or at exit.
 * When the binaries are missing and we are root with apt-get, `postgresql` is installed the
 * way `ensureChromium.ts` installs Chromium. Never a mock.
 * `freshSchema` gives each test its own schema, dropped afterwards, so parallel runs on one
 * server never collide.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { aptInstall, freePort } from './servicePorts';

/** A reachable Postgres and how to let it go. */
export interface TestPostgres {
  url: string;
  /** Where it came from, for log lines: 'env', 'local' or 'throwaway'. */
  source: 'env' | 'local' | 'throwaway';
  /** Stops a throwaway cluster and removes its folder; nothing for the others. */
  stop(): Promise<void>;
}

/** A throwaway cluster that a test may also take down and bring back (readiness tests). */
export interface ThrowawayPostgres extends TestPostgres {
  /** Stop the server (fast shutdown), keeping its data. */
  pause(): Promise<void>;
  /** Start it again on the same port with the same data. */
  resume(): Promise<void>;
}

const LOCAL_URL = 'postgres://postgres@127.0.0.1:5432/test';
const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** Whether a server answers a trivial query at `url` within a few seconds. */
export async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

let shared: Promise<TestPostgres> | null = null;

/** The Postgres for this process's tests (found or started once per process). */
export function ensurePostgres(): Promise<TestPostgres> {
  shared ??= findOrStart();
  return shared;
}

async function findOrStart(): Promise<TestPostgres> {
  const fromEnv = [process.env.TEST_DATABASE_URL, process.env.DATABASE_URL].find(
    (u) => u && POSTGRES_URL.test(u),
  );
  const none = async () => undefined;
  if (fromEnv) return { url: fromEnv, source: 'env', stop: none };
  if (await answers(LOCAL_URL)) return { url: LOCAL_URL, source: 'local', stop: none };
  return startThrowaway();
}

/** The newest Debian PostgreSQL bin folder, or null. */
function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

/** initdb refuses root: run as `postgres` (Debian's package creates it), else `nobody`. */
function runAs(): { user: string; uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  for (const user of ['postgres', 'nobody']) {
    const id = (flag: string) => spawnSync('id', [flag, user], { encoding: 'utf8' });
    const uid = id('-u');
    const gid = id('-g');
    if (uid.status === 0 && gid.status === 0)
      return { user, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  }
  throw new Error(
    'Running as root, but there is neither a postgres nor a nobody user to run initdb as.',
  );
}

/** A fresh cluster of our own in a temp folder, on a free port (never the shared server). */
export async function startThrowaway(): Promise<ThrowawayPostgres> {
  let bin = postgresBin();
  if (!bin && aptInstall(['postgresql'])) bin = postgresBin();
  if (!bin)
    throw new Error(
      'The Postgres tests need PostgreSQL and none answers. Set TEST_DATABASE_URL, start one on 127.0.0.1:5432 (database "test", trust auth), or install Debian’s postgresql package.',
    );
  const dir = mkdtempSync(join(tmpdir(), 'purple-pg-'));
  const as = runAs();
  if (as) chownSync(dir, as.uid, as.gid);
  const exec = (cmd: string, args: string[]) => {
    const full = as ? ['-u', as.user, '--', join(bin as string, cmd), ...args] : args;
    const r = spawnSync(as ? 'runuser' : join(bin as string, cmd), full, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  const data = join(dir, 'data');
  const port = await freePort();
  exec('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  let running = false;
  const start = () => {
    exec('pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', 'start']);
    running = true;
  };
  const halt = (mode: 'immediate' | 'fast') => {
    if (running) exec('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
    running = false;
  };
  start();
  let stopped = false;
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    try {
      halt('immediate');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  process.once('exit', stopNow);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    source: 'throwaway',
    stop: async () => stopNow(),
    pause: async () => halt('fast'),
    resume: async () => start(),
  };
}

/** A schema of its own on `url`, and how to drop it (with everything in it). */
export async function freshSchema(url: string): Promise<{ schema: string; drop(): Promise<void> }> {
  const schema = `purple_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(url, `create schema "${schema}"`);
  return { schema, drop: () => adminQuery(url, `drop schema if exists "${schema}" cascade`) };
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
