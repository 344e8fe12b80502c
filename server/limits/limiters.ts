/**
 * The counters behind Purple's limits, built on `rate-limiter-flexible`. They hold their
 * counts in this process (RateLimiterMemory); on several instances the rate limits count
 * in Redis (RateLimiterRedis), falling back to this process's memory while Redis is away.
 * Open-connection caps stay per instance: a killed instance could never give its slots back.
 */
import type { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';

/** Where rate limits count on several instances. */
export interface SharedCounters {
  client: Redis;
  /** Start of the keys; each limit adds its own name. */
  prefix: string;
}

/** Whether one more is allowed now, and if not, how long until it is. */
export type LimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** A counter of `points` per `durationSeconds` (0: counts never expire on their own). */
export function makeCounter(points: number, durationSeconds: number): RateLimiterAbstract {
  return new RateLimiterMemory({ points, duration: durationSeconds });
}

/** At most `points` events per key in each window of `durationSeconds`. */
export class RateLimit {
  private readonly counter: RateLimiterAbstract;

  constructor(points: number, durationSeconds: number, shared?: SharedCounters & { name: string }) {
    this.counter = shared
      ? new RateLimiterRedis({
          storeClient: shared.client,
          keyPrefix: `${shared.prefix}limit:${shared.name}`,
          points,
          duration: durationSeconds,
          insuranceLimiter: makeCounter(points, durationSeconds),
        })
      : makeCounter(points, durationSeconds);
  }

  /** Count one event for `key`; refused once the key is over its limit for this window. */
  async take(key: string): Promise<LimitDecision> {
    try {
      await this.counter.consume(key);
      return { ok: true };
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(err.msBeforeNext / 1000)) };
    }
  }
}

/** At most `points` things open at once per key: `acquire` when one opens, `release` when it closes. */
export class OpenCap {
  private readonly counter: RateLimiterAbstract;

  constructor(points: number) {
    this.counter = makeCounter(points, 0);
  }

  /** Take a slot for `key`; false (and nothing held) when the key already has all its slots. */
  async acquire(key: string): Promise<boolean> {
    try {
      await this.counter.consume(key);
      return true;
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      await this.counter.reward(key, 1);
      return false;
    }
  }

  /** Give back a slot; a key with nothing open is forgotten, so idle keys hold no memory. */
  async release(key: string): Promise<void> {
    const left = await this.counter.reward(key, 1);
    if (left.consumedPoints <= 0) await this.counter.delete(key);
  }
}
