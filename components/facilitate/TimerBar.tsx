'use client';
/**
 * The timer everyone sees (issue 11): time left as a clock and in words, advisory (it never
 * stops anyone writing), a button to hear the time left, and a choice to hide it for
 * yourself, remembered on this device.
 */
import type { FacilitationView } from '../../lib/protocol/facilitationEvents';
import { Button } from '../ui/Button';
import { useDeviceChoice } from './useDeviceChoice';
import { timeAsClock, timeInWords } from './useFacilitation';
import { useTimerAnnouncements } from './useTimerAnnouncements';

const HIDE_KEY = 'purple.hideTimer';

/** Props of `TimerBar`. */
export interface TimerBarProps {
  view: FacilitationView | null;
  skewMs: number;
  announce(message: string): void;
}

/** The shared timer, or nothing when no timer runs. */
export function TimerBar({ view, skewMs, announce }: TimerBarProps) {
  const left = useTimerAnnouncements(view, skewMs, announce);
  const [hidden, toggle] = useDeviceChoice(HIDE_KEY, false);
  if (left === null || !view?.timer) return null;
  const paused = view.timer.deadline === null;
  const words = left === 0 ? 'Time is up' : `${timeInWords(left)} left${paused ? ' (paused)' : ''}`;
  return (
    <section
      aria-label="Timer"
      className="flex flex-wrap items-center gap-2 rounded-lg border-2 border-ink p-2 dark:border-white"
      data-testid="timer"
    >
      {hidden ? (
        <p className="font-semibold">Timer hidden for you.</p>
      ) : (
        <p className="font-bold text-xl">
          <span aria-hidden="true" className="tabular-nums">
            {timeAsClock(left)}
          </span>{' '}
          <span className="font-normal text-base">
            {words}. The timer is a guide: nothing stops.
          </span>
        </p>
      )}
      <Button small variant="secondary" onClick={() => announce(`${words}.`)}>
        Say the time left
      </Button>
      <Button small variant="secondary" aria-pressed={hidden} onClick={toggle}>
        {hidden ? 'Show the timer' : 'Hide the timer'}
      </Button>
    </section>
  );
}
