/**
 * What each card on the board needs to know about voting (issue 13), kept outside React
 * context so a card re-renders only its own vote line when voting changes, and the card
 * itself (being redesigned separately) needs one line: `<CardVoteResult …/>`. `BoardVote`
 * writes it; `CardVoteResult` reads it with `useSyncExternalStore`.
 */
import type { Ack } from '../../lib/protocol/events';
import type { RoundResults, RoundView } from '../../lib/voting/types';

/** The voting facts cards read. */
export interface CardVoteSnapshot {
  /** The open rounds (cards in their sections say whether they are part of the vote). */
  open: readonly RoundView[];
  /** A closed round whose results are shown beside each card, when the person chose to. */
  shown: { round: RoundView; results: RoundResults } | null;
  addCardToRound(roundId: string, cardId: string): Promise<Ack>;
}

const EMPTY: CardVoteSnapshot = {
  open: [],
  shown: null,
  addCardToRound: async () => ({ ok: false, reason: 'storeFailed', message: 'Not connected.' }),
};

let snapshot = EMPTY;
const listeners = new Set<() => void>();

/** The board's one store of card voting facts. */
export const cardVoteStore = {
  get: (): CardVoteSnapshot => snapshot,
  getServer: (): CardVoteSnapshot => EMPTY,
  set(next: CardVoteSnapshot): void {
    snapshot = next;
    for (const l of listeners) l();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
