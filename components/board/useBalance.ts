'use client';
/**
 * The board's balance, recounted once typing pauses (and when the browser is idle), so a
 * board-wide count never lands between two key presses on a slow phone with a big board.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { GroupOf } from '../../lib/attribution/countChars';
import type { CardAgreement } from '../../lib/protocol/events';
import { type Balance, computeBalance } from './balance';

/** Recount this long after the last edit… */
const QUIET_MS = 1000;
/** …but at least this often while edits keep coming. */
const AT_MOST_MS = 10_000;

/** Run `task` when the browser is idle (or soon, where there is no requestIdleCallback). */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 0);
  return () => clearTimeout(id);
}

/** Balance figures; recomputed after edits (throttled), roster growth and agreement changes. */
export function useBalance(
  doc: Y.Doc,
  groupOf: GroupOf,
  agreements: ReadonlyMap<string, CardAgreement>,
  rosterVersion: number,
): Balance | null {
  const [balance, setBalance] = useState<Balance | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the roster is mutable; its version says when to recount
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let cancelIdle: (() => void) | null = null;
    let firstPending = 0;
    const recount = () => {
      cancelIdle = null;
      firstPending = 0;
      setBalance(computeBalance(doc, groupOf, agreements));
    };
    const schedule = () => {
      const now = Date.now();
      firstPending ||= now;
      if (timer) clearTimeout(timer);
      const wait = Math.max(0, Math.min(QUIET_MS, firstPending + AT_MOST_MS - now));
      timer = setTimeout(() => {
        timer = null;
        cancelIdle?.();
        cancelIdle = whenIdle(recount);
      }, wait);
    };
    recount();
    doc.on('update', schedule);
    return () => {
      doc.off('update', schedule);
      if (timer) clearTimeout(timer);
      cancelIdle?.();
    };
  }, [doc, groupOf, agreements, rosterVersion]);
  return balance;
}
