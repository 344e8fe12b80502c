/**
 * Welcomes gathered per workshop (I93): one run of a welcome's reads serves every socket
 * that arrived while the previous run was going, so a room reconnecting at once (a
 * restart, or an instance's clients moving to this one) costs a few reads of the workshop
 * instead of one per socket. On Postgres each read is a round trip, and the participant
 * list alone is every row of the workshop: 250 sockets moving read it 500 times.
 *
 * A run starts only after every socket in it was added, so each socket gets state read
 * after it joined its socket.io rooms: a change made later is published to it, and none
 * made earlier is missing from what it is sent, as when it was read for it alone.
 *
 * The first socket of a batch waits `windowMs` for others (on SQLite a run ends in well
 * under a millisecond, so without a window a storm's sockets each got a run of their own).
 */

/** How long a welcome waits for other sockets of its workshop: unnoticeable on a connect. */
export const WELCOME_WINDOW_MS = 50;

interface State<T> {
  running: boolean;
  /** Set while the first socket of a batch waits for others. */
  timer: NodeJS.Timeout | null;
  /** The batch gathering for the next run. */
  next: Batch<T> | null;
}

interface Batch<T> {
  items: T[];
  /** Settles when this batch's run has finished (failures go to `onError`). */
  done: Promise<void>;
  finish: () => void;
}

export class WelcomeBatches<T> {
  readonly #state = new Map<string, State<T>>();
  #stopped = false;

  constructor(
    /** Read once and send to every item of the batch. */
    private readonly run: (key: string, items: T[]) => Promise<void>,
    private readonly onError: (err: unknown) => void,
    private readonly windowMs = WELCOME_WINDOW_MS,
  ) {}

  /**
   * Add `item` to the next run of `key`: at once when none is going, else right after the
   * one going ends. Resolves when the run that served it has finished.
   */
  add(key: string, item: T): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    let s = this.#state.get(key);
    if (!s) {
      s = { running: false, timer: null, next: null };
      this.#state.set(key, s);
    }
    s.next ??= newBatch<T>();
    s.next.items.push(item);
    const { done } = s.next;
    const state = s;
    if (state.running || state.timer) return done;
    if (this.windowMs <= 0) void this.#drain(key, state);
    else {
      state.timer = setTimeout(() => void this.#drain(key, state), this.windowMs);
      state.timer.unref();
    }
    return done;
  }

  /** Shutdown: batches still waiting are dropped (the store is about to close). */
  stop(): void {
    for (const s of this.#state.values()) {
      if (s.timer) clearTimeout(s.timer);
      s.next?.finish();
    }
    this.#state.clear();
    this.#stopped = true;
  }

  async #drain(key: string, s: State<T>): Promise<void> {
    s.timer = null;
    if (this.#stopped) return;
    s.running = true;
    while (s.next && !this.#stopped) {
      const batch = s.next;
      s.next = null;
      try {
        await this.run(key, batch.items);
      } catch (err) {
        this.onError(err);
      }
      batch.finish();
    }
    s.running = false;
    this.#state.delete(key);
  }
}

function newBatch<T>(): Batch<T> {
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return { items: [], done, finish };
}
