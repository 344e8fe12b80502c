/**
 * Finds a Redis for tests, starting a throwaway one when none answers (TOOLCHAIN 14;
 * issue 12), like `ensurePostgres.ts`. Order: $TEST_REDIS_URL or $REDIS_URL; else
 * 127.0.0.1:6379 when it answers; else Debian's `redis-server` (installed with apt-get when
 * missing and we are root) on a free port (`throwawayRedis.ts`), stopped by `stop()` or at exit.
 * Tests share a Redis through a key prefix of their own (`uniquePrefix`).
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { startThrowawayRedis } from './throwawayRedis';

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
  const own = await startThrowawayRedis();
  return { url: own.url, source: 'throwaway', stop: own.stop };
}

/** A key prefix no other test run uses. */
export function uniquePrefix(): string {
  return `purple-test:${process.pid}:${randomBytes(4).toString('hex')}:`;
}
