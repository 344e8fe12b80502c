import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openMemoryStore } from '../store/memoryStore';
import type { ParticipantRow } from '../store/Store';
import { SESSION_MAX_AGE_SECONDS, Sessions } from './sessions';

const person = {
  id: 'p1',
  workshopId: 'w1',
} as ParticipantRow;

describe('session cookies', () => {
  it('verifies a cookie on every use, remembering only its signature', async () => {
    const sessions = new Sessions(randomBytes(32), await openMemoryStore());
    const now = Date.now();
    const cookie = sessions.issue(person, now);
    expect(sessions.verify('w1', cookie, now)).toBe('p1');
    // The second use of the same value (a person's other connection) gives the same answer.
    expect(sessions.verify('w1', cookie, now)).toBe('p1');
    // A signature is for one workshop, remembered or not.
    expect(sessions.verify('w2', cookie, now)).toBeNull();
    // The age is checked on every use, not only the first.
    expect(sessions.verify('w1', cookie, now + (SESSION_MAX_AGE_SECONDS + 1) * 1000)).toBeNull();
    // A changed signature is refused, and another server's key never verifies it.
    const forged = `${cookie.slice(0, -1)}${cookie.endsWith('A') ? 'B' : 'A'}`;
    expect(sessions.verify('w1', forged, now)).toBeNull();
    const other = new Sessions(randomBytes(32), await openMemoryStore());
    expect(other.verify('w1', cookie, now)).toBeNull();
  });
});
