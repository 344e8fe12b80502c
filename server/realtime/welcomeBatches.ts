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
 */

interface Batch<T> {
  items: T[];
  /** Settles when this batch's run has finished (failures go to `onError`). */
  done: Promise<void>;
  finish: () => void;
}

export class WelcomeBatches<T> {
  /** Per key: the batch gathering for the next run, and whether a run is going. */
  readonly #state = new Map<string, { running: boolean; next: Batch<T> | null }>();

  constructor(
    /** Read once and send to every item of the batch. */
    private readonly run: (key: string, items: T[]) => Promise<void>,
    private readonly onError: (err: unknown) => void,
  ) {}

  /**
   * Add `item` to the next run of `key`: at once when none is going, else right after the
   * one going ends. Resolves when the run that served it has finished.
   */
  add(key: string, item: T): Promise<void> {
    let s = this.#state.get(key);
    if (!s) {
      s = { running: false, next: null };
      this.#state.set(key, s);
    }
    s.next ??= newBatch<T>();
    s.next.items.push(item);
    const { done } = s.next;
    if (!s.running) void this.#drain(key, s);
    return done;
  }

  async #drain(key: string, s: { running: boolean; next: Batch<T> | null }): Promise<void> {
    s.running = true;
    while (s.next) {
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
  let finish = () => undefined as void;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return { items: [], done, finish };
}
