import { describe, expect, it, vi } from 'vitest';
import { SavedStore } from './SavedStore';

describe('SavedStore', () => {
  it('starts saved and tells listeners only when the value changes', () => {
    const store = new SavedStore();
    expect(store.get()).toBe(true);
    const listener = vi.fn();
    const stop = store.subscribe(listener);
    store.set(true);
    expect(listener).not.toHaveBeenCalled();
    store.set(false);
    store.set(false);
    expect(store.get()).toBe(false);
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
    store.set(true);
    expect(store.get()).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
