import { describe, expect, it } from 'vitest';
import { defaultAgenda } from '../../lib/facilitation/agenda';
import { timeAsClock, timeInWords, timeLeft } from './useFacilitation';

describe('time left in words and on the clock', () => {
  it('reads naturally', () => {
    expect(timeInWords(245_000)).toBe('4 minutes 5 seconds');
    expect(timeInWords(60_000)).toBe('1 minute');
    expect(timeInWords(1_000)).toBe('1 second');
    expect(timeAsClock(245_000)).toBe('4:05');
  });
  it('corrects for this device running behind the server', () => {
    const view = {
      timer: {
        durationMs: 60_000,
        startedAt: '2026-11-01T10:00:00.000Z',
        deadline: '2026-11-01T10:01:00.000Z',
        remainingMs: 60_000,
        serverNow: 0,
      },
      focus: null,
      locks: { cards: [], sections: [] },
      handsUp: 0,
      myHand: null,
      agenda: defaultAgenda(),
    };
    // The device says 10:00:00 but the server is 10 s ahead: 50 s are left.
    expect(timeLeft(view, 10_000, Date.parse('2026-11-01T10:00:00.000Z'))).toBe(50_000);
  });
});
