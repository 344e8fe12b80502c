import { describe, expect, it } from 'vitest';
import { attendanceOf } from './attendance';

describe('attendanceOf', () => {
  it('merges overlapping tabs, splits at midnight UTC and keeps first and last', () => {
    const a = attendanceOf(
      [
        { participantId: 'p', joinedAt: '2026-11-01T23:30:00Z', leftAt: '2026-11-02T00:20:00Z' },
        { participantId: 'p', joinedAt: '2026-11-01T23:40:00Z', leftAt: '2026-11-01T23:50:00Z' },
        { participantId: 'p', joinedAt: '2026-11-02T09:00:00Z', leftAt: '2026-11-02T10:00:00Z' },
      ],
      0,
    );
    expect(a).toEqual([
      {
        participantId: 'p',
        firstJoined: '2026-11-01T23:30:00Z',
        lastLeft: '2026-11-02T10:00:00Z',
        minutesByDay: { '2026-11-01': 30, '2026-11-02': 80 },
      },
    ]);
  });
  it('counts an open stretch up to now and has no last departure', () => {
    const [a] = attendanceOf(
      [{ participantId: 'p', joinedAt: '2026-11-01T10:00:00Z', leftAt: null }],
      Date.parse('2026-11-01T10:15:00Z'),
    );
    expect(a?.lastLeft).toBeNull();
    expect(a?.minutesByDay).toEqual({ '2026-11-01': 15 });
  });
});
