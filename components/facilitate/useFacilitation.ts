'use client';
/**
 * The client side of live facilitation (issue 11): the timer, focus, locks and your hand
 * for everyone; the hands queue and balance for facilitators. Its listeners attach to the
 * control socket through `useWorkshop`'s module seam; actions go through the same `call`.
 * Times are corrected for this device's clock skew from the server's `now`.
 */
import { useCallback, useState } from 'react';
import type { BalanceView } from '../../lib/facilitation/balance';
import type { FacilitationView, HandView } from '../../lib/protocol/facilitationEvents';
import type { WaitingCounts } from '../../lib/protocol/privateWritingEvents';
import type { AttachModule } from '../workshop/useWorkshop';

/** What `useFacilitation` returns. */
export interface FacilitationClient {
  view: FacilitationView | null;
  /** Facilitators only: the hands queue, oldest first. */
  hands: HandView[] | null;
  balance: BalanceView | null;
  /** Set when a facilitator made you, or stopped you being, a co-facilitator. */
  capability: 'facilitator' | 'contributor' | null;
  /** Server clock minus this device's clock, in ms, from the last update. */
  skewMs: number;
  /** Private writing: cards waiting per group (never their text). */
  waiting: WaitingCounts | null;
  /** Pass to `useWorkshop` so the listeners attach before the socket connects. */
  attach: AttachModule;
}

/** Hold the facilitation state the server sends. */
export function useFacilitation(): FacilitationClient {
  const [view, setView] = useState<FacilitationView | null>(null);
  const [hands, setHands] = useState<HandView[] | null>(null);
  const [balance, setBalance] = useState<BalanceView | null>(null);
  const [capability, setCapability] = useState<FacilitationClient['capability']>(null);
  const [skewMs, setSkew] = useState(0);
  const [waiting, setWaiting] = useState<WaitingCounts | null>(null);
  const attach = useCallback<AttachModule>((socket) => {
    socket.on('facilitation:update', (v) => {
      if (v.timer) setSkew(v.timer.serverNow - Date.now());
      setView(v);
    });
    socket.on('hands:update', setHands);
    socket.on('balance:update', setBalance);
    socket.on('capability:update', ({ capability: c }) => setCapability(c));
    socket.on('private:counts', setWaiting);
    return () => {
      for (const e of [
        'private:counts',
        'facilitation:update',
        'hands:update',
        'balance:update',
        'capability:update',
      ] as const)
        socket.off(e);
    };
  }, []);
  return { view, hands, balance, capability, skewMs, waiting, attach };
}

/** Milliseconds left on the timer now, by the server's clock as this device estimates it. */
export function timeLeft(
  view: FacilitationView | null,
  skewMs: number,
  nowMs = Date.now(),
): number | null {
  const t = view?.timer;
  if (!t) return null;
  if (t.deadline === null) return t.remainingMs;
  return Math.max(0, Date.parse(t.deadline) - (nowMs + skewMs));
}

/** "4 minutes 5 seconds", "1 minute", "30 seconds": time left in plain words. */
export function timeInWords(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (m === 0) return part(s, 'second');
  return s === 0 ? part(m, 'minute') : `${part(m, 'minute')} ${part(s, 'second')}`;
}

/** "4:05": time left as a clock. */
export function timeAsClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
