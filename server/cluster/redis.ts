/**
 * Redis connections for running on several instances (issue 12). `ioredis` reconnects by
 * itself after an outage; every key and channel Purple uses starts with `prefix`, so
 * several deployments (or test runs) can share one Redis.
 */
import { Redis } from 'ioredis';
import type { Logger } from '../log';

/** Open a client at `url`; errors are logged once per outage, never thrown at the process. */
export function openRedis(
  url: string,
  log: Logger,
  name: string,
  extra: { enableOfflineQueue?: boolean } = {},
): Redis {
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
    log.error('Redis connection lost; retrying', { client: name, err: err.message });
  });
  client.on('ready', () => {
    if (down) log.warn('Redis connection back', { client: name });
    down = false;
  });
  return client;
}
