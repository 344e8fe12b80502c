/**
 * Several Purple instances as real processes on one Postgres (a fresh schema) and one Redis
 * (a key prefix of this run's own), optionally behind nginx with `deploy/nginx.conf`
 * (issue 12). Workshops and participants are set up through an in-process server on the
 * same database, then that server is closed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensurePostgres, freshSchema } from '../../scripts/ensurePostgres';
import { ensureRedis, uniquePrefix } from '../../scripts/ensureRedis';
import { freePort } from '../../scripts/servicePorts';
import type { Actor } from './harness';
import { startTestServer, type TestServer } from './harness';

const root = path.resolve(import.meta.dirname, '../..');
export const SECRET = 'a-test-secret-shared-by-every-instance-0123456789';

/** One Purple process. */
export interface Instance {
  port: number;
  url: string;
  child: ChildProcess;
  /** SIGKILL, and wait until it is gone. */
  kill(): Promise<void>;
}

/** Where a cluster test's instances keep their data. */
export interface ClusterEnv {
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  dataDir: string;
  /** Extra environment for every instance. */
  env: Record<string, string>;
  /** An in-process, single-instance server on the same database, for setting up. */
  setupServer(): Promise<TestServer>;
  cleanup(): Promise<void>;
}

export async function clusterEnv(
  env: Record<string, string> = {},
  services: { databaseUrl?: string; redisUrl?: string } = {},
): Promise<ClusterEnv> {
  const postgres = services.databaseUrl ? null : await ensurePostgres();
  const baseUrl = services.databaseUrl ?? (postgres?.url as string);
  const { schema, drop } = await freshSchema(baseUrl);
  const pgUrl = new URL(baseUrl);
  pgUrl.searchParams.set('options', `-c search_path=${schema}`);
  const redisUrl = services.redisUrl ?? (await ensureRedis()).url;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'purple-cluster-'));
  const databaseUrl = pgUrl.toString();
  return {
    databaseUrl,
    redisUrl,
    prefix: uniquePrefix(),
    dataDir,
    env,
    setupServer: () => startTestServer(dataDir, { databaseUrl, secret: SECRET }),
    async cleanup() {
      rmSync(dataDir, { recursive: true, force: true });
      await drop().catch(() => undefined);
    },
  };
}

/** Start one instance on `port` (a free one if not given); resolves once it listens. */
export async function startInstance(c: ClusterEnv, port?: number): Promise<Instance> {
  const at = port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts', '--no-next'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(at),
      HOST: '127.0.0.1',
      DATA_DIR: c.dataDir,
      PURPLE_SECRET: SECRET,
      PURPLE_LOG: 'silent',
      DATABASE_URL: c.databaseUrl,
      REDIS_URL: c.redisUrl,
      REDIS_PREFIX: c.prefix,
      TRUST_PROXY: '1',
      CARDS_PER_MINUTE: '1000000',
      LIMIT_REQUESTS_PER_PERSON_PER_10_S: '100000',
      ...c.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d) => {
      out += String(d);
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve(m[1].replace('localhost', '127.0.0.1'));
    });
    child.stderr?.on('data', (d) => {
      out += String(d);
    });
    child.on('exit', (code) => reject(new Error(`instance exited early (${code}): ${out}`)));
  });
  return {
    port: at,
    url,
    child,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await gone;
    },
  };
}

/** Rows from the cluster's database (its own schema). */
export async function query<T>(c: ClusterEnv, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: c.databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The same participant, talking to another address (an instance or nginx). */
export function at(actor: Actor, url: string): Actor {
  return { ...actor, baseUrl: url };
}
