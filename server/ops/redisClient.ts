/**
 * Every Redis connection Purple opens (issue 12): the readiness check and round-trip metric,
 * and on several instances the bus, socket.io's adapter and the rate-limit counters. One
 * helper, with ioredis: maintained, and the client socket.io's Redis adapters document. It
 * reconnects by itself after an outage; errors are logged once per outage, never thrown at
 * the process. Every key and channel Purple uses starts with REDIS_PREFIX, so several
 * deployments (or test runs) can share one Redis.
 */
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../log';

/** Per-use settings; `enableOfflineQueue: false` makes commands fail at once while down. */
export type RedisExtra = Pick<RedisOptions, 'enableOfflineQueue' | 'maxRetriesPerRequest'>;

/** Open a client named `name` at `url`. */
export function openRedis(url: string, log: Logger, name: string, extra: RedisExtra = {}): Redis {
  const client = new Redis(url, {
    // Keep retrying forever, at most every 2 s: an outage ends on its own (issue 12).
    retryStrategy: (times) => Math.min(times * 100, 2000),
    maxRetriesPerRequest: null,
    connectionName: name,
    ...extra,
  });
  let down = false;
  client.on('error', (err: Error) => {
    if (down) return;
    down = true;
    log.warn('Redis is not answering; retrying', { client: name, err: err.message });
  });
  client.on('ready', () => {
    if (down) log.info('Redis is answering again', { client: name });
    down = false;
  });
  return client;
}
