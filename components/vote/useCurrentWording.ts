'use client';
/**
 * "See the current wording": the vote shows each card as it was worded when voting
 * opened; this asks the server, on request, how the cards read on the board now.
 */
import { useCallback, useState } from 'react';
import type { Workshop } from '../workshop/useWorkshop';

/** Card id → its text now (null when the card has been deleted). */
export type CurrentWording = ReadonlyMap<string, string | null>;

/** What the wording control needs. */
export interface WordingState {
  current: CurrentWording | null;
  problem: string | null;
  busy: boolean;
  show(): Promise<void>;
  hide(): void;
}

/** Fetch the current wording of one round's cards when asked. */
export function useCurrentWording(
  roundId: string,
  roundWording: Workshop['roundWording'],
): WordingState {
  const [current, setCurrent] = useState<CurrentWording | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const show = useCallback(async () => {
    setBusy(true);
    const ack = await roundWording(roundId);
    setBusy(false);
    if (!ack.ok) return setProblem(ack.message);
    setProblem(null);
    setCurrent(new Map(ack.cards.map((c) => [c.cardId, c.text])));
  }, [roundId, roundWording]);
  const hide = useCallback(() => setCurrent(null), []);
  return { current, problem, busy, show, hide };
}
