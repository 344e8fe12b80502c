/**
 * Rows written together: the first row opens a short window, and everything added before
 * it ends goes to the database in one statement. Each caller's promise settles when that
 * statement has run.
 *
 * Used for attendance (I44): every control connection opens a stretch, so after a restart
 * a 500-person room made 500 single-row inserts, each its own commit, within a second.
 * Reconnections arrive a few milliseconds apart, one per turn of the event loop, so only a
 * window of time gathers them.
 */
export class WindowQueue<T> {
  private waiting: { item: T; settle: (err?: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  /** `writeMany(items)`: write them all or throw. `most`: items per statement. */
  constructor(
    private readonly writeMany: (items: T[]) => Promise<void>,
    private readonly windowMs: number,
    private readonly most = 500,
  ) {}

  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, settle: (err) => (err === undefined ? resolve() : reject(err)) });
      if (this.waiting.length >= this.most) void this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), this.windowMs);
    });
  }

  /** Write what waits now, and resolve once everything added so far is written. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.waiting;
    this.waiting = [];
    this.writing = this.writing.then(async () => {
      if (batch.length === 0) return;
      let failure: unknown;
      try {
        await this.writeMany(batch.map((w) => w.item));
      } catch (err) {
        failure = err ?? new Error('write failed');
      }
      for (const w of batch) w.settle(failure);
    });
    return this.writing;
  }
}
