import { describe, expect, it } from 'vitest';
import { prng } from '../prng';
import { compareOrder, orderBetween } from './order';

const VALID = /^[0-9a-z]*[1-9a-z]$/;

function expectBetween(key: string, before: string | null, after: string | null, ctx = '') {
  expect(key, ctx).toMatch(VALID);
  if (before !== null) expect(key > before, `${ctx} "${key}" > "${before}"`).toBe(true);
  if (after !== null) expect(key < after, `${ctx} "${key}" < "${after}"`).toBe(true);
}

describe('orderBetween', () => {
  it('between(null, null) is a valid key', () => {
    const k = orderBetween(null, null);
    expectBetween(k, null, null);
    expect(k.length).toBe(1);
  });

  it('between(x, null) sorts after x, including after keys full of z', () => {
    for (const x of ['1', 'i', 'z', 'zz', 'zzzzy', 'a0b', '0001']) {
      expectBetween(orderBetween(x, null), x, null, x);
    }
  });

  it('between(null, x) sorts before x, including keys close to the bottom', () => {
    for (const x of ['1', 'i', 'z', '01', '0001', '00000001', 'a']) {
      expectBetween(orderBetween(null, x), null, x, x);
    }
  });

  it('between adjacent and nested keys stays strictly between', () => {
    const pairs: [string, string][] = [
      ['1', '2'],
      ['a', 'b'],
      ['a', 'a1'],
      ['a', 'a01'],
      ['az', 'b'],
      ['azzz', 'b'],
      ['y', 'z'],
      ['yzz', 'z'],
      ['1', 'z'],
      ['0i', '1'],
    ];
    for (const [lo, hi] of pairs) expectBetween(orderBetween(lo, hi), lo, hi, `${lo}..${hi}`);
  });

  it('throws when before >= after', () => {
    expect(() => orderBetween('a', 'a')).toThrow();
    expect(() => orderBetween('b', 'a')).toThrow();
    expect(() => orderBetween('ab', 'a')).toThrow();
    expect(() => orderBetween('z', '1')).toThrow();
  });

  it('keeps strict order over 2,000 random insertions between random neighbours', () => {
    for (const seed of [1, 7, 42]) {
      const rand = prng(seed);
      const keys: string[] = [];
      for (let step = 0; step < 2000; step++) {
        // Bias towards the ends and one hot spot, where keys grow longest.
        const r = rand();
        const i =
          r < 0.2
            ? 0
            : r < 0.4
              ? keys.length
              : r < 0.5
                ? Math.min(1, keys.length)
                : Math.floor(rand() * (keys.length + 1));
        const before = keys[i - 1] ?? null;
        const after = keys[i] ?? null;
        const key = orderBetween(before, after);
        expectBetween(key, before, after, `seed ${seed} step ${step}`);
        keys.splice(i, 0, key);
      }
      for (let i = 1; i < keys.length; i++) {
        expect((keys[i - 1] as string) < (keys[i] as string), `seed ${seed} at ${i}`).toBe(true);
      }
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('keeps appended and prepended keys valid and ordered', () => {
    let last: string | null = null;
    for (let i = 0; i < 300; i++) {
      const next = orderBetween(last, null);
      expectBetween(next, last, null, `append ${i}`);
      last = next;
    }
    let first: string | null = null;
    for (let i = 0; i < 300; i++) {
      const next = orderBetween(null, first);
      expectBetween(next, null, first, `prepend ${i}`);
      first = next;
    }
  });

  // KNOWN BUG (reported): keys grow linearly when appending or prepending (about one
  // character per 5–6 appends), and the server refuses order keys over 64 characters
  // (ORDER in server/yjs/inspectUpdate.ts). The 385th card appended to a section, or the
  // 321st "move to top", produces a key the server refuses. Flip to `it` once fixed.
  it('keeps keys within the server’s 64-character limit over 1,000 appends and prepends', () => {
    let last: string | null = null;
    for (let i = 0; i < 1000; i++) last = orderBetween(last, null);
    expect((last as string).length).toBeLessThanOrEqual(64);
    let first: string | null = null;
    for (let i = 0; i < 1000; i++) first = orderBetween(null, first);
    expect((first as string).length).toBeLessThanOrEqual(64);
  });
});

describe('compareOrder', () => {
  it('sorts by order key, then by id', () => {
    const cards = [
      { order: 'b', id: 'x' },
      { order: 'a', id: 'z' },
      { order: 'b', id: 'a' },
      { order: 'a1', id: 'a' },
    ];
    expect([...cards].sort(compareOrder)).toEqual([
      { order: 'a', id: 'z' },
      { order: 'a1', id: 'a' },
      { order: 'b', id: 'a' },
      { order: 'b', id: 'x' },
    ]);
  });

  it('is antisymmetric and zero only for the same order and id', () => {
    const a = { order: 'm', id: 'c1' };
    const b = { order: 'm', id: 'c2' };
    expect(compareOrder(a, b)).toBeLessThan(0);
    expect(compareOrder(b, a)).toBeGreaterThan(0);
    expect(compareOrder(a, { ...a })).toBe(0);
    expect(compareOrder({ order: 'a', id: 'z' }, { order: 'b', id: 'a' })).toBeLessThan(0);
  });
});
