/**
 * Finds a Redis for tests, starting a throwaway one when none answers (TOOLCHAIN 14;
 * issue 12), like `ensurePostgres.ts`. Order: $TEST_REDIS_URL or $REDIS_URL; else
 * 127.0.0.1:6379 when it answers; else Debian's `redis-server` (installed with apt-get when
 * missing and we are root) in a temp folder on a free port, stopped by `stop()` or at exit.
 * Tests share a Redis through a key prefix of their own (`uniquePrefix`).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { aptInstall, freePort } from './servicePorts';

/** A reachable Redis and how to let it go. */
export interface TestRedis {
  url: string;
  source: 'env' | 'local' | 'throwaway';
  /** Stops a throwaway server and removes its folder; nothing for the others. */
  stop(): Promise<void>;
}

const LOCAL_URL = 'redis://127.0.0.1:6379';

/** Whether a Redis answers PING at `url` within a couple of seconds. */
export async function redisAnswers(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

let shared: Promise<TestRedis> | null = null;

/** The Redis for this process's tests (found or started once per process). */
export function ensureRedis(): Promise<TestRedis> {
  shared ??= findOrStart();
  return shared;
}

async function findOrStart(): Promise<TestRedis> {
  const fromEnv = [process.env.TEST_REDIS_URL, process.env.REDIS_URL].find((u) =>
    u?.startsWith('redis'),
  );
  const none = async () => undefined;
  if (fromEnv) return { url: fromEnv, source: 'env', stop: none };
  if (await redisAnswers(LOCAL_URL)) return { url: LOCAL_URL, source: 'local', stop: none };
  return startThrowawayRedis();
}

function redisServer(): string | null {
  const r = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** A throwaway redis-server of this test's own (the outage tests stop and start it). */
export async function startThrowawayRedis(port?: number): Promise<TestRedis & { port: number }> {
  let bin = redisServer();
  if (!bin && aptInstall(['redis-server'])) bin = redisServer();
  if (!bin)
    throw new Error(
      'The several-instance tests need Redis and none answers. Set TEST_REDIS_URL, start one on 127.0.0.1:6379, or install Debian’s redis-server package.',
    );
  const dir = mkdtempSync(join(tmpdir(), 'purple-redis-'));
  const at = port ?? (await freePort());
  const args = ['--port', String(at), '--bind', '127.0.0.1', '--dir', dir, '--save', ''];
  const child: ChildProcess = spawn(bin, [...args, '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${at}`;
  for (let i = 0; i < 100 && !(await redisAnswers(url)); i++)
    await new Promise((r) => setTimeout(r, 100));
  const stopNow = () => {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopNow);
  return {
    url,
    port: at,
    source: 'throwaway',
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      stopNow();
      if (child.exitCode === null && child.signalCode === null) await exited;
    },
  };
}

/** A key prefix no other test run uses. */
export function uniquePrefix(): string {
  return `purple-test:${process.pid}:${randomBytes(4).toString('hex')}:`;
}
