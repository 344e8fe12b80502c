import { describe, expect, it } from 'vitest';
import { applyTimer } from './facilitationTimer';

const T = Date.parse('2026-11-01T10:00:00.000Z');

describe('applyTimer', () => {
  it('[I47] keeps a deadline while running and the time left while paused', () => {
    const started = applyTimer(null, 'start', T, 300_000);
    if (!started.ok || !started.timer) throw new Error('start failed');
    expect(started.timer.deadline).toBe('2026-11-01T10:05:00.000Z');
    const paused = applyTimer(started.timer, 'pause', T + 60_000, 0);
    if (!paused.ok || !paused.timer) throw new Error('pause failed');
    expect(paused.timer).toMatchObject({ deadline: null, remainingMs: 240_000 });
    const added = applyTimer(paused.timer, 'add', T + 600_000, 60_000);
    if (!added.ok || !added.timer) throw new Error('add failed');
    expect(added.timer).toMatchObject({ remainingMs: 300_000, durationMs: 360_000 });
    const resumed = applyTimer(added.timer, 'resume', T + 700_000, 0);
    if (!resumed.ok || !resumed.timer) throw new Error('resume failed');
    expect(resumed.timer.deadline).toBe(new Date(T + 1_000_000).toISOString());
  });

  it('refuses pausing a paused timer, resuming a running one and adding past four hours', () => {
    const running = applyTimer(null, 'start', T, 60_000);
    if (!running.ok || !running.timer) throw new Error('start failed');
    expect(applyTimer(running.timer, 'resume', T, 0).ok).toBe(false);
    expect(applyTimer(null, 'pause', T, 0).ok).toBe(false);
    expect(applyTimer(running.timer, 'add', T, 4 * 60 * 60_000).ok).toBe(false);
    expect(applyTimer(running.timer, 'stop', T, 0)).toEqual({ ok: true, timer: null });
  });
});
