import { describe, expect, it } from 'vitest';
import { WindowQueue } from './windowQueue';

/** A queue whose writes are recorded; `fail` makes the next write throw. */
function rig(windowMs = 20, most?: number) {
  const writes: number[][] = [];
  let fail = false;
  const queue = new WindowQueue<number>(
    async (items) => {
      if (fail) {
        fail = false;
        throw new Error('disk full');
      }
      writes.push(items);
    },
    windowMs,
    most,
  );
  return { queue, writes, failNext: () => (fail = true) };
}

describe('WindowQueue', () => {
  it('writes what arrives within one window as one batch, in order', async () => {
    const { queue, writes } = rig();
    const first = queue.add(1);
    await new Promise((r) => setTimeout(r, 5));
    await Promise.all([first, queue.add(2), queue.add(3)]);
    expect(writes).toEqual([[1, 2, 3]]);
    await queue.add(4);
    expect(writes).toEqual([[1, 2, 3], [4]]);
  });

  it('writes at once when a batch is full', async () => {
    const { queue, writes } = rig(60_000, 2);
    await Promise.all([queue.add(1), queue.add(2)]);
    expect(writes).toEqual([[1, 2]]);
  });

  it('flush writes what waits now, for a clean shutdown', async () => {
    const { queue, writes } = rig(60_000);
    const added = queue.add(7);
    await queue.flush();
    await added;
    expect(writes).toEqual([[7]]);
    await queue.flush();
    expect(writes).toEqual([[7]]);
  });

  it('rejects every caller of a failed batch, and writes the next one', async () => {
    const { queue, writes, failNext } = rig();
    failNext();
    const batch = [queue.add(1), queue.add(2)];
    for (const p of batch) await expect(p).rejects.toThrow('disk full');
    await queue.add(3);
    expect(writes).toEqual([[3]]);
  });
});
