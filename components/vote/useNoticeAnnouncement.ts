'use client';
/** Announce each new round notice (a card added to the vote, restored into it, …) once. */
import { useEffect, useRef } from 'react';
import type { RoundNotice } from './votingState';

/** Calls `announce` with every notice the server sends after this mounts. */
export function useNoticeAnnouncement(
  notice: RoundNotice | null,
  announce: (message: string) => void,
): void {
  const seen = useRef(notice?.seq ?? 0);
  useEffect(() => {
    if (!notice || notice.seq <= seen.current) return;
    seen.current = notice.seq;
    announce(notice.message);
  }, [notice, announce]);
}
