/**
 * The Redis connection the readiness check and the round-trip metric use (issue 12), with
 * ioredis: maintained, and the client socket.io's Redis adapters document. Commands fail at
 * once while it is disconnected (no offline queue), so `/readyz` answers promptly when
 * Redis is down; it reconnects by itself and readiness returns when Redis does.
 */
import { Redis } from 'ioredis';
import type { Logger } from '../log';

/** Connect to `url`; connection errors are logged once per outage, never thrown. */
export function openRedis(url: string, log: Logger): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  let down = false;
  redis.on('error', (err) => {
    if (down) return;
    down = true;
    log.warn('Redis is not answering; retrying', { err: err.message });
  });
  redis.on('ready', () => {
    if (down) log.info('Redis is answering again');
    down = false;
  });
  return redis;
}
