import { describe, expect, it } from 'vitest';
import { WelcomeBatches } from './welcomeBatches';

/** A promise and its resolver, to hold a run open while more items arrive. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
}

/** Batches with a `windowMs` window that record each run's items. */
function recording(windowMs: number): { runs: string[][]; batches: WelcomeBatches<string> } {
  const runs: string[][] = [];
  const batches = new WelcomeBatches<string>(
    async (_key, items) => {
      runs.push(items);
    },
    () => undefined,
    windowMs,
  );
  return { runs, batches };
}

describe('WelcomeBatches (I93)', () => {
  it('[I93] serves items that arrive while a run is going with one later run, per key', async () => {
    const runs: string[][] = [];
    const first = gate();
    const batches = new WelcomeBatches<string>(
      async (key, items) => {
        runs.push([key, ...items]);
        if (runs.length === 1) await first.wait;
      },
      () => undefined,
      0,
    );
    const a = batches.add('w1', 'a');
    const b = batches.add('w1', 'b');
    const c = batches.add('w1', 'c');
    const other = batches.add('w2', 'x');
    expect(runs).toEqual([
      ['w1', 'a'],
      ['w2', 'x'],
    ]);
    first.open();
    await Promise.all([a, b, c, other]);
    expect(runs).toEqual([
      ['w1', 'a'],
      ['w2', 'x'],
      ['w1', 'b', 'c'],
    ]);
  });

  it('[I93] never gives an item a run that started before it was added', async () => {
    const started: { items: string[]; seen: number }[] = [];
    let version = 0;
    const hold = gate();
    const batches = new WelcomeBatches<string>(
      async (_key, items) => {
        started.push({ items, seen: version });
        await hold.wait;
      },
      () => undefined,
      0,
    );
    const a = batches.add('w', 'a');
    version = 1; // a change made after `a` joined and before `b` did
    const b = batches.add('w', 'b');
    hold.open();
    await Promise.all([a, b]);
    const runOfB = started.find((r) => r.items.includes('b'));
    expect(runOfB?.seen).toBe(1);
  });

  it('[I93] reports a failed run and goes on with the next batch', async () => {
    const errors: unknown[] = [];
    const served: string[] = [];
    const hold = gate();
    let n = 0;
    const batches = new WelcomeBatches<string>(
      async (_key, items) => {
        n++;
        if (n === 1) {
          await hold.wait;
          throw new Error('store down');
        }
        served.push(...items);
      },
      (err) => errors.push(err),
      0,
    );
    const a = batches.add('w', 'a');
    const b = batches.add('w', 'b');
    hold.open();
    await Promise.all([a, b]);
    expect(errors).toHaveLength(1);
    expect(served).toEqual(['b']);
    // A key with nothing waiting starts afresh.
    await batches.add('w', 'c');
    expect(served).toEqual(['b', 'c']);
  });

  it('[I93] with a window, the first item waits for the others that arrive within it', async () => {
    const { runs, batches } = recording(20);
    const a = batches.add('w', 'a');
    await new Promise((r) => setTimeout(r, 5));
    const b = batches.add('w', 'b');
    expect(runs).toEqual([]);
    await Promise.all([a, b]);
    expect(runs).toEqual([['a', 'b']]);
  });

  it('[I93] runs nothing after stop', async () => {
    const { runs, batches } = recording(20);
    const a = batches.add('w', 'a');
    batches.stop();
    await a;
    await batches.add('w', 'b');
    await new Promise((r) => setTimeout(r, 40));
    expect(runs).toEqual([]);
  });
});
