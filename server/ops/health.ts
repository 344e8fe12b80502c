/**
 * Liveness and readiness (issue 12, I59). `/healthz` says the process is up and nothing
 * else; `/readyz` says this instance should be sent traffic: the store answers a cheap
 * query, Redis (when REDIS_URL is set) answers PING, and the instance is not draining.
 * Each check has a short deadline, so a hung database makes the answer "not ready" rather
 * than a request that never ends. Answers name the failing part only: no personal data.
 */
import type { Redis } from 'ioredis';
import type { Store } from '../store/Store';
import type { Metrics } from './metrics';

/** How long each readiness check may take before it counts as failed. */
const CHECK_MS = 2000;

/** One readiness answer. */
export interface Readiness {
  ready: boolean;
  /** Each part and whether it answered: `store`, `redis` (when configured), `draining`. */
  checks: Record<string, 'ok' | 'failed' | 'draining'>;
}

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Readiness of one instance. */
export class Health {
  private draining = false;

  constructor(private readonly deps: { store: Store; redis: Redis | null; metrics: Metrics }) {}

  /** From now on, answer not ready (a redeploy is taking this instance out). */
  startDraining(): void {
    this.draining = true;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  /** PING Redis and record the round-trip; throws when it does not answer. */
  async pingRedis(): Promise<void> {
    const { redis, metrics } = this.deps;
    if (!redis) return;
    const started = process.hrtime.bigint();
    await within(CHECK_MS, redis.ping());
    metrics.redisPing(Number(process.hrtime.bigint() - started) / 1e9);
  }

  /** Check every part; never throws. */
  async readiness(): Promise<Readiness> {
    const checks: Readiness['checks'] = {};
    const check = async (name: string, run: () => Promise<void>) => {
      checks[name] = await run().then(
        () => 'ok' as const,
        () => 'failed' as const,
      );
    };
    await Promise.all([
      check('store', () => within(CHECK_MS, this.deps.store.ping())),
      this.deps.redis ? check('redis', () => this.pingRedis()) : undefined,
    ]);
    if (this.draining) checks.draining = 'draining';
    return { ready: Object.values(checks).every((c) => c === 'ok'), checks };
  }
}
