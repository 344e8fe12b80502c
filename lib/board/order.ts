/**
 * Fractional indexes: strings that sort between their neighbours, so moving a card
 * rewrites only its `order` key (DESIGN §3). Keys come from the well-kept
 * `fractional-indexing` package (base-62 digits, A-Z/a-z length heads): they grow
 * logarithmically, not one character per 35 appends. Two peers that pick the same key
 * are ordered by card id.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/** Longest order key the server accepts. */
export const MAX_ORDER_KEY = 256;

/**
 * The pattern of every key `fractional-indexing` accepts, up to `MAX_ORDER_KEY` characters:
 * a head letter that fixes the integer part's length (a: 1 digit … z: 26; Z: 1 … A: 26),
 * then a fraction that never ends in `0`, and never the smallest integer `A000…0`.
 */
export const ORDER_KEY: RegExp = (() => {
  const heads: string[] = [];
  for (let n = 1; n <= 26; n++) {
    heads.push(`${String.fromCharCode(96 + n)}[0-9A-Za-z]{${n}}`);
    heads.push(`${String.fromCharCode(91 - n)}[0-9A-Za-z]{${n}}`);
  }
  const fraction = '(?:[0-9A-Za-z]*[1-9A-Za-z])?';
  return new RegExp(`^(?!A0{26}$)(?=.{2,${MAX_ORDER_KEY}}$)(?:${heads.join('|')})${fraction}$`);
})();

/** True when `key` is a valid order key (the server's check, shared with the writers). */
export function isOrderKey(key: string): boolean {
  return ORDER_KEY.test(key);
}

/**
 * A key strictly between `before` and `after`; null means an open end.
 * Throws when `before >= after`, which is a programming error.
 */
export function orderBetween(before: string | null, after: string | null): string {
  if (before !== null && after !== null && before >= after) {
    throw new Error(`orderBetween: "${before}" is not before "${after}"`);
  }
  return generateKeyBetween(before, after);
}

/** `n` keys in ascending order between `before` and `after` (null: an open end). */
export function ordersBetween(before: string | null, after: string | null, n: number): string[] {
  return generateNKeysBetween(before, after, n);
}

/** Compare two cards by order key, then by id, so every peer sorts identically. */
export function compareOrder(
  a: { order: string; id: string },
  b: { order: string; id: string },
): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
