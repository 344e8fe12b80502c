/**
 * The retention sweep (issue 8 §7; invariant I30): a workshop a facilitator closed is
 * deleted, with everything in it, `retentionDays` after it was closed. Runs every
 * `sweepEveryMs` (RETENTION_DAYS, RETENTION_SWEEP_MS in the README).
 */
import type { Logger } from '../log';
import type { Store } from '../store/Store';

const DAY_MS = 24 * 60 * 60 * 1000;

export class Retention {
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly deps: {
      store: Store;
      log: Logger;
      retentionDays: number;
      sweepEveryMs: number;
      /** Delete one workshop everywhere, closing its live connections. */
      deleteWorkshop(id: string): Promise<void>;
    },
  ) {
    this.timer = setInterval(() => {
      void this.sweep().catch((err) => deps.log.error('retention sweep failed', { err }));
    }, deps.sweepEveryMs);
    this.timer.unref();
  }

  /** Delete every workshop closed more than the retention period before `now`; their ids. */
  async sweep(now = Date.now()): Promise<string[]> {
    const before = new Date(now - this.deps.retentionDays * DAY_MS).toISOString();
    const ids = await this.deps.store.listClosedBefore(before);
    for (const id of ids) {
      await this.deps.deleteWorkshop(id);
      this.deps.log.info('deleted a closed workshop after its retention period', { workshop: id });
    }
    return ids;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
