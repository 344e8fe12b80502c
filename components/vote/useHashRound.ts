'use client';
/**
 * The round named in the address (`#round-<id>`), so a link from the board or the rounds
 * list opens that round's results; follows later changes of the hash and moves focus to
 * the round it names.
 */
import { useEffect, useState } from 'react';

const PREFIX = '#round-';

/** The link to a round on the vote page (or, with `base`, from another page). */
export function roundHref(roundId: string, base = ''): string {
  return `${base}${PREFIX}${roundId}`;
}

/** The round id in the hash, or null. */
export function useHashRound(): string | null {
  const [id, setId] = useState<string | null>(null);
  useEffect(() => {
    const read = () =>
      window.location.hash.startsWith(PREFIX) ? window.location.hash.slice(PREFIX.length) : null;
    setId(read());
    const onChange = () => {
      const next = read();
      setId(next);
      if (next) requestAnimationFrame(() => document.getElementById(`round-${next}`)?.focus());
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return id;
}
