'use client';
/** A yes/no choice a person makes for themselves, remembered on this device (issue 11). */
import { useEffect, useState } from 'react';

/** The choice stored under `key` (`fallback` until read), and a toggle that stores it. */
export function useDeviceChoice(key: string, fallback: boolean): [boolean, () => void] {
  const [on, setOn] = useState(fallback);
  useEffect(() => {
    const stored = localStorage.getItem(key);
    if (stored !== null) setOn(stored === '1');
  }, [key]);
  const toggle = () => {
    localStorage.setItem(key, on ? '0' : '1');
    setOn(!on);
  };
  return [on, toggle];
}
