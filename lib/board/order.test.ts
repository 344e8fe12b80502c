import { generateKeyBetween } from 'fractional-indexing';
import { describe, expect, it } from 'vitest';
import { prng } from '../prng';
import { compareOrder, isOrderKey, MAX_ORDER_KEY, orderBetween, ordersBetween } from './order';

function expectBetween(key: string, before: string | null, after: string | null, ctx = '') {
  expect(isOrderKey(key), `${ctx} "${key}" is a valid key`).toBe(true);
  if (before !== null) expect(key > before, `${ctx} "${key}" > "${before}"`).toBe(true);
  if (after !== null) expect(key < after, `${ctx} "${key}" < "${after}"`).toBe(true);
}

/** What the package itself accepts as a key. */
function packageAccepts(key: string): boolean {
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}

describe('orderBetween', () => {
  it('between(null, null) is a short valid key', () => {
    const k = orderBetween(null, null);
    expectBetween(k, null, null);
    expect(k).toBe('a0');
  });

  it('between(x, null) sorts after x; between(null, x) before x', () => {
    for (const x of ['a0', 'a5', 'b00', 'Zz', 'zzzzzzzzzzzzzzzzzzzzzzzzzzz', 'a0V']) {
      expectBetween(orderBetween(x, null), x, null, x);
      expectBetween(orderBetween(null, x), null, x, x);
    }
  });

  it('between adjacent and nested keys stays strictly between', () => {
    const pairs: [string, string][] = [
      ['a0', 'a1'],
      ['a0', 'a0V'],
      ['a0', 'a01'],
      ['Zz', 'a0'],
      ['a0zzz', 'a1'],
    ];
    for (const [lo, hi] of pairs) expectBetween(orderBetween(lo, hi), lo, hi, `${lo}..${hi}`);
  });

  it('throws when before >= after', () => {
    expect(() => orderBetween('a1', 'a1')).toThrow();
    expect(() => orderBetween('a2', 'a1')).toThrow();
  });

  it('ordersBetween gives n distinct ascending valid keys', () => {
    const keys = ordersBetween(null, null, 50);
    expect(new Set(keys).size).toBe(50);
    for (let i = 1; i < keys.length; i++)
      expectBetween(keys[i] as string, keys[i - 1] ?? null, null);
  });
});

describe('isOrderKey (the server\u2019s check)', () => {
  it('agrees with the package on valid, invalid and random keys', () => {
    const samples = [
      'a0',
      'a',
      '1',
      'z1',
      'b00',
      'Zz',
      'a0V',
      'a00',
      'A',
      `A${'0'.repeat(26)}`,
      '',
    ];
    const rand = prng(3);
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
    for (let i = 0; i < 5000; i++) {
      let key = '';
      const len = 1 + Math.floor(rand() * 8);
      for (let j = 0; j < len; j++) key += alphabet[Math.floor(rand() * alphabet.length)];
      samples.push(key);
    }
    for (const key of samples) expect(isOrderKey(key), key).toBe(packageAccepts(key));
  });

  it(`refuses keys over ${MAX_ORDER_KEY} characters`, () => {
    expect(isOrderKey(`a0${'V'.repeat(MAX_ORDER_KEY - 2)}`)).toBe(true);
    expect(isOrderKey(`a0${'V'.repeat(MAX_ORDER_KEY - 1)}`)).toBe(false);
  });
});

describe('orderBetween under load', () => {
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

  it('grows keys logarithmically: 10,000 appends or prepends stay under 8 characters', () => {
    let last: string | null = null;
    for (let i = 0; i < 10_000; i++) last = orderBetween(last, null);
    expect((last as string).length).toBeLessThan(8);
    let first: string | null = null;
    for (let i = 0; i < 10_000; i++) first = orderBetween(null, first);
    expect((first as string).length).toBeLessThan(8);
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
