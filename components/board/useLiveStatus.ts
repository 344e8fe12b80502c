'use client';
/**
 * One connection state for the board (issue 13): the Yjs socket's, but "disconnected" as
 * soon as the control channel's heartbeat is lost, once it had been connected.
 */
import { useEffect, useRef } from 'react';
import type { BoardStatus } from './useBoardDoc';

/** The board's status, taking the control channel's heartbeat into account. */
export function useLiveStatus(boardStatus: BoardStatus, controlConnected: boolean): BoardStatus {
  const everConnected = useRef(false);
  useEffect(() => {
    if (controlConnected) everConnected.current = true;
  }, [controlConnected]);
  if (boardStatus !== 'connected') return boardStatus;
  return controlConnected || !everConnected.current ? 'connected' : 'disconnected';
}
