/**
 * Coalesced, throttled publishing: `schedule(key, task)` runs `task` soon, at most once
 * per `intervalMs` per key, never two runs of one key at once, and always once more after
 * the last call — so the last thing published reflects the latest state, never an older one.
 */
export class Coalescer {
  readonly #state = new Map<
    string,
    { running: boolean; dirty: boolean; timer: NodeJS.Timeout | null; last: number }
  >();
  /** Runs in progress, so `stop` can wait for them. */
  readonly #running = new Set<Promise<void>>();
  #stopped = false;

  constructor(
    private readonly intervalMs: number,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Ask for `task` to run; calls while one is pending or running fold into one more run. */
  schedule(key: string, task: () => Promise<void>): void {
    if (this.#stopped) return;
    const s = this.#state.get(key) ?? { running: false, dirty: false, timer: null, last: 0 };
    this.#state.set(key, s);
    if (s.running || s.timer) {
      s.dirty = true;
      return;
    }
    const wait = Math.max(0, s.last + this.intervalMs - Date.now());
    s.timer = setTimeout(() => {
      const run = this.#run(key, task);
      this.#running.add(run);
      void run.finally(() => this.#running.delete(run));
    }, wait);
    s.timer.unref();
  }

  async #run(key: string, task: () => Promise<void>): Promise<void> {
    const s = this.#state.get(key);
    if (!s || this.#stopped) return;
    s.timer = null;
    s.running = true;
    s.dirty = false;
    s.last = Date.now();
    try {
      await task();
    } catch (err) {
      this.onError(err);
    } finally {
      s.running = false;
    }
    // The entry stays, so `last` keeps throttling the next call.
    if (s.dirty) this.schedule(key, task);
  }

  /**
   * The server is stopping: drop every pending run, refuse new ones, and resolve once the
   * runs already going have finished, so none touches a store closed after this.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const s of this.#state.values()) if (s.timer) clearTimeout(s.timer);
    this.#state.clear();
    await Promise.allSettled([...this.#running]);
  }
}
