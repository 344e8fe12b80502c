'use client';
/** The text of the board's one polite live region, and the function that sets it. */
import { useCallback, useState } from 'react';

/** `[message, announce]`; announcing the same sentence twice still gets it read again. */
export function useAnnouncer(): [string, (sentence: string) => void] {
  const [message, setMessage] = useState('');
  // A repeated sentence gets a trailing no-break space so screen readers say it again.
  const announce = useCallback(
    (sentence: string) =>
      setMessage((prev) => (prev === sentence ? `${sentence}\u00a0` : sentence)),
    [],
  );
  return [message, announce];
}
