import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Coalescer } from './coalesce';

describe('Coalescer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at most once per interval per key, and once more after the last call', async () => {
    const c = new Coalescer(250, (err) => {
      throw err;
    });
    const runs: number[] = [];
    let state = 0;
    const task = async () => {
      runs.push(state);
    };
    for (let i = 1; i <= 40; i++) {
      state = i;
      c.schedule('r1', task);
      await vi.advanceTimersByTimeAsync(25); // 40 calls over one second
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs.length).toBeLessThanOrEqual(5);
    expect(runs.length).toBeGreaterThanOrEqual(4);
    expect(runs.at(-1)).toBe(40); // the last run saw the latest state
    await c.stop();
  });

  it('never overlaps two runs of one key, and keys are independent', async () => {
    const c = new Coalescer(0, (err) => {
      throw err;
    });
    let running = 0;
    let maxRunning = 0;
    const seen: string[] = [];
    const task = (key: string) => async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((r) => setTimeout(r, 10));
      seen.push(key);
      running--;
    };
    for (let i = 0; i < 5; i++) {
      c.schedule('a', task('a'));
      c.schedule('b', task('b'));
      await vi.advanceTimersByTimeAsync(3);
    }
    await vi.advanceTimersByTimeAsync(200);
    expect(maxRunning).toBe(2); // one of each key at a time
    // Calls at 0, 3, 6, 9, 12 ms: a run at 0–10 ms, one catch-up for 3–9, one for 12.
    expect(seen.filter((k) => k === 'a')).toHaveLength(3);
    expect(seen.filter((k) => k === 'b')).toHaveLength(3);
  });

  it('stop() waits for a running publication and lets none start after it (store closed next)', async () => {
    const c = new Coalescer(250, (err) => {
      throw err;
    });
    const events: string[] = [];
    let release = () => {};
    const task = async () => {
      events.push('start');
      await new Promise<void>((r) => {
        release = r;
      });
      events.push('end');
    };
    c.schedule('r1', task);
    await vi.advanceTimersByTimeAsync(0); // the first run starts and waits
    c.schedule('r1', task); // folded into one more run after this one
    c.schedule('r2', task); // throttled timer pending
    const stopped = c.stop().then(() => events.push('stopped'));
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toEqual(['start']); // stop has not resolved while the run goes on
    release();
    await stopped;
    c.schedule('r3', task); // after stop: refused
    await vi.advanceTimersByTimeAsync(1000);
    expect(events).toEqual(['start', 'end', 'stopped']);
  });
});
