/**
 * The facilitation timer's rules (issue 11): start, pause, resume, add time, stop. The
 * server's clock is the authority: a running timer stores its deadline, a paused one
 * what was left, so a restart changes nothing.
 */
import type { TimerState } from '../../lib/facilitation/state';
import { timerRemaining } from '../../lib/facilitation/state';
import { MAX_TIMER_MS } from '../../lib/protocol/facilitationEvents';
import { fail } from '../../lib/protocol/reasons';

/** What a facilitator can do to the timer. */
export type TimerAction = 'start' | 'pause' | 'resume' | 'add' | 'stop';

type Outcome = { ok: true; timer: TimerState | null } | ReturnType<typeof fail>;

const iso = (ms: number) => new Date(ms).toISOString();

/** The timer after `action` at server time `now`; `ms` is the duration or the time to add. */
export function applyTimer(
  t: TimerState | null,
  action: TimerAction,
  now: number,
  ms: number,
): Outcome {
  switch (action) {
    case 'start':
      return {
        ok: true,
        timer: { durationMs: ms, deadline: iso(now + ms), remainingMs: null, startedAt: iso(now) },
      };
    case 'stop':
      return { ok: true, timer: null };
    case 'pause':
      if (!t || t.deadline === null) return fail('invalidInput', 'The timer is not running.');
      return { ok: true, timer: { ...t, deadline: null, remainingMs: timerRemaining(t, now) } };
    case 'resume':
      if (!t || t.deadline !== null) return fail('invalidInput', 'The timer is not paused.');
      return {
        ok: true,
        timer: { ...t, deadline: iso(now + (t.remainingMs ?? 0)), remainingMs: null },
      };
    case 'add': {
      if (!t) return fail('invalidInput', 'Start a timer first.');
      const left = timerRemaining(t, now) + ms;
      if (left > MAX_TIMER_MS)
        return fail('invalidInput', 'A timer can run for at most four hours.');
      const durationMs = t.durationMs + ms;
      return t.deadline === null
        ? { ok: true, timer: { ...t, durationMs, remainingMs: left } }
        : { ok: true, timer: { ...t, durationMs, deadline: iso(now + left) } };
    }
  }
}
