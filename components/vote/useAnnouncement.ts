'use client';
/** A message for the page's one polite live region; saying the same thing twice is heard twice. */
import { useCallback, useRef, useState } from 'react';

/** Returns the current message and a function that replaces it. */
export function useAnnouncement(): [string, (message: string) => void] {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const announce = useCallback((next: string) => {
    // Clear first, then set after a beat, so screen readers notice a repeat.
    setMessage('');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(next), 100);
  }, []);
  return [message, announce];
}
