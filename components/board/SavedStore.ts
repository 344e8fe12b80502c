/**
 * Whether this browser's own edits are stored on the server, kept outside React state:
 * it flips twice per keystroke (saving, then saved on the server's acknowledgement), and
 * as Board state each flip re-rendered the whole board. Only `SaveStatus` subscribes.
 */
export class SavedStore {
  private saved = true;
  private readonly listeners = new Set<() => void>();

  /** The current value (for `useSyncExternalStore`). */
  readonly get = (): boolean => this.saved;

  /** Listen for changes; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Set the value, telling listeners only when it changes. */
  set(saved: boolean): void {
    if (saved === this.saved) return;
    this.saved = saved;
    for (const listener of this.listeners) listener();
  }
}
