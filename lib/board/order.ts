/**
 * Fractional indexes: strings that sort between their neighbours, so moving a card
 * rewrites only its `order` key (DESIGN §3). Keys use digits 0-9a-z and never end in
 * `0`; two peers that pick the same key are ordered by card id.
 */

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;

function digit(key: string, i: number): number {
  const c = key[i];
  return c === undefined ? 0 : DIGITS.indexOf(c);
}

function mid(a: number, b: number): string {
  return DIGITS[Math.floor((a + b) / 2)] as string;
}

/**
 * A key greater than `lo`: bump its first digit below `z`, so appending a card grows the
 * key by one character only every 35 appends (bisecting would grow it every 5).
 */
function above(lo: string): string {
  for (let i = 0; ; i++) {
    const d = digit(lo, i);
    if (d < BASE - 1) return lo.slice(0, i).padEnd(i, '0') + DIGITS[d + 1];
  }
}

/** A key smaller than `hi` (and greater than ''), growing as slowly as `above`. */
function below(hi: string): string {
  for (let i = 0; i < hi.length; i++) {
    const d = digit(hi, i);
    if (d > 1) return hi.slice(0, i) + DIGITS[d - 1];
    if (d === 1) return `${hi.slice(0, i)}0z`;
  }
  throw new Error(`orderBetween: no key below "${hi}"`);
}

/** A key greater than `rest` read as a fraction (used between two close neighbours). */
function aboveFraction(rest: string): string {
  let out = '';
  for (let i = 0; ; i++) {
    const a = digit(rest, i);
    if (BASE - a > 1) return out + mid(a, BASE);
    out += DIGITS[a];
  }
}

/**
 * A key strictly between `before` and `after`; null means an open end.
 * Throws when `before >= after`, which is a programming error.
 */
export function orderBetween(before: string | null, after: string | null): string {
  const lo = before ?? '';
  if (after === null) return above(lo);
  if (before === null) return below(after);
  if (lo >= after) throw new Error(`orderBetween: "${lo}" is not before "${after}"`);
  let prefix = '';
  for (let i = 0; i < after.length; i++) {
    const a = digit(lo, i);
    const b = digit(after, i);
    if (b - a > 1) return prefix + mid(a, b);
    if (b - a === 1) return prefix + DIGITS[a] + aboveFraction(lo.slice(i + 1));
    prefix += DIGITS[a];
  }
  throw new Error(`orderBetween: no key between "${lo}" and "${after}"`);
}

/** Compare two cards by order key, then by id, so every peer sorts identically. */
export function compareOrder(
  a: { order: string; id: string },
  b: { order: string; id: string },
): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
