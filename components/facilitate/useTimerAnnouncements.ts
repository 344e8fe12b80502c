'use client';
/**
 * Ticks once a second while a timer is shown and tells screen-reader users about it at
 * sensible moments through the page's polite live region: when it starts, at one minute
 * left and when time is up (issue 11). Never more often, so it never talks over people.
 */
import { useEffect, useRef, useState } from 'react';
import type { FacilitationView } from '../../lib/protocol/facilitationEvents';
import { timeInWords, timeLeft } from './useFacilitation';

const ONE_MINUTE = 60_000;

/** Milliseconds left now (re-rendering each second), announcing start, one minute and time up. */
export function useTimerAnnouncements(
  view: FacilitationView | null,
  skewMs: number,
  announce: (message: string) => void,
): number | null {
  const [, setTick] = useState(0);
  const said = useRef<{
    deadline: string | null;
    start: string | null;
    minute: boolean;
    up: boolean;
  }>({ deadline: null, start: null, minute: false, up: false });
  const timer = view?.timer ?? null;
  useEffect(() => {
    if (!timer) return;
    const id = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(id);
  }, [timer]);
  const left = timeLeft(view, skewMs);
  useEffect(() => {
    const s = said.current;
    if (!timer || left === null) {
      said.current = { deadline: null, start: null, minute: false, up: false };
      return;
    }
    const key = timer.startedAt;
    if (s.start !== key) {
      said.current = {
        deadline: timer.deadline,
        start: key,
        minute: left <= ONE_MINUTE,
        up: left === 0,
      };
      announce(`Timer started: ${timeInWords(left)} left.`);
      return;
    }
    if (timer.deadline === null) return; // paused: nothing changes
    if (!s.minute && left <= ONE_MINUTE && left > 0) {
      s.minute = true;
      announce('One minute left.');
    }
    if (!s.up && left === 0) {
      s.up = true;
      announce('Time is up. You can finish what you are writing.');
    }
    if (left > ONE_MINUTE) s.minute = false;
  });
  return left;
}
