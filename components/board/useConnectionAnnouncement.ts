'use client';
/** Says politely when this browser goes offline and when it is back, once the board has loaded. */
import { useEffect, useRef } from 'react';
import type { BoardStatus } from './useBoardDoc';

/** Announce connection changes (not while loading, and not after access has ended). */
export function useConnectionAnnouncement(
  status: BoardStatus,
  ready: boolean,
  ended: boolean,
  announce: (sentence: string) => void,
): void {
  const wasOnline = useRef<boolean | null>(null);
  useEffect(() => {
    if (!ready || ended) return;
    const online = status === 'connected';
    if (wasOnline.current !== null && wasOnline.current !== online) {
      announce(
        online
          ? 'You are back online.'
          : 'You are offline. Your changes will be saved when you reconnect.',
      );
    }
    wasOnline.current = online;
  }, [status, ready, ended, announce]);
}
