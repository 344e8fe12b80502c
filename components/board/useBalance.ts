'use client';
/** The board's balance, recounted at most once a second so typing stays fast on big boards. */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { GroupOf } from '../../lib/attribution/countChars';
import type { CardAgreement } from '../../lib/protocol/events';
import { type Balance, computeBalance } from './balance';

const EVERY_MS = 1000;

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
    const recount = () => {
      timer = null;
      setBalance(computeBalance(doc, groupOf, agreements));
    };
    const schedule = () => {
      timer ??= setTimeout(recount, EVERY_MS);
    };
    recount();
    doc.on('update', schedule);
    return () => {
      doc.off('update', schedule);
      if (timer) clearTimeout(timer);
    };
  }, [doc, groupOf, agreements, rosterVersion]);
  return balance;
}
