import { describe, expect, it } from 'vitest';
import { dotsLeft, isFuture, roundStatus } from './round';

const NOW = Date.parse('2026-11-02T10:00:00.000Z');

describe('round rules', () => {
  it('a round is closed once closed by hand or when its deadline is not after now', () => {
    expect(roundStatus({ closedAt: null, deadline: null }, NOW)).toBe('open');
    expect(roundStatus({ closedAt: '2026-11-01T00:00:00Z', deadline: null }, NOW)).toBe('closed');
    expect(roundStatus({ closedAt: null, deadline: '2026-11-02T10:00:00.001Z' }, NOW)).toBe('open');
    expect(roundStatus({ closedAt: null, deadline: '2026-11-02T10:00:00.000Z' }, NOW)).toBe(
      'closed',
    );
    expect(roundStatus({ closedAt: null, deadline: '2026-11-02T12:00:00+03:00' }, NOW)).toBe(
      'closed',
    );
  });

  it('isFuture compares instants, whatever the offset', () => {
    expect(isFuture('2026-11-02T10:00:01Z', NOW)).toBe(true);
    expect(isFuture('2026-11-02T12:00:01+02:00', NOW)).toBe(true);
    expect(isFuture('2026-11-02T10:00:00Z', NOW)).toBe(false);
    expect(isFuture('not a date', NOW)).toBe(false);
  });

  it('dotsLeft subtracts every placed dot from the budget', () => {
    expect(dotsLeft(5, [])).toBe(5);
    expect(
      dotsLeft(5, [
        { cardId: 'a', dots: 3 },
        { cardId: 'b', dots: 2 },
      ]),
    ).toBe(0);
  });
});
