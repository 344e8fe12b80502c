import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTIVITY_WINDOW_MS, ActivityBatcher, describeActivity } from './ActivityBatcher';

describe('describeActivity', () => {
  it('says nothing when nothing happened', () => {
    expect(describeActivity({})).toBe('');
  });

  it('uses singular and plural in one sentence', () => {
    expect(describeActivity({ added: 2, changed: 1 })).toBe(
      '2 cards added and 1 card changed by others',
    );
  });

  it('lists three kinds with commas', () => {
    expect(describeActivity({ added: 1, moved: 3, deleted: 1 })).toBe(
      '1 card added, 3 cards moved and 1 card removed by others',
    );
  });
});

describe('ActivityBatcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('announces once per window, not per event', () => {
    const announce = vi.fn();
    const batcher = new ActivityBatcher(announce);
    batcher.record('changed', 'a');
    batcher.record('changed', 'a');
    batcher.record('changed', 'b');
    vi.advanceTimersByTime(ACTIVITY_WINDOW_MS - 1);
    expect(announce).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(announce).toHaveBeenCalledTimes(1);
    expect(announce).toHaveBeenCalledWith('2 cards changed by others');
  });

  it('counts a card added and then edited as added only', () => {
    const announce = vi.fn();
    const batcher = new ActivityBatcher(announce);
    batcher.record('added', 'a');
    batcher.record('changed', 'a');
    batcher.record('changed', 'b');
    vi.advanceTimersByTime(ACTIVITY_WINDOW_MS);
    expect(announce).toHaveBeenCalledWith('1 card added and 1 card changed by others');
  });

  it('starts a fresh window after announcing', () => {
    const announce = vi.fn();
    const batcher = new ActivityBatcher(announce);
    batcher.record('added', 'a');
    vi.advanceTimersByTime(ACTIVITY_WINDOW_MS);
    batcher.record('deleted', 'b');
    vi.advanceTimersByTime(ACTIVITY_WINDOW_MS);
    expect(announce.mock.calls).toEqual([['1 card added by others'], ['1 card removed by others']]);
  });

  it('announces nothing after dispose', () => {
    const announce = vi.fn();
    const batcher = new ActivityBatcher(announce);
    batcher.record('added', 'a');
    batcher.dispose();
    vi.advanceTimersByTime(ACTIVITY_WINDOW_MS * 2);
    expect(announce).not.toHaveBeenCalled();
  });
});
