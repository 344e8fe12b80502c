/**
 * Holds the server's agreement state per card and tells only the cards whose agreement
 * changed, so one endorsement does not re-render a board of 2,000 cards.
 */
import type { CardAgreement } from '../../lib/protocol/events';

type Listener = () => void;

/** A per-card subscribable view of `useWorkshop().agreements`. */
export class AgreementStore {
  private map: ReadonlyMap<string, CardAgreement> = new Map();
  private readonly listeners = new Map<string, Set<Listener>>();

  /** Replace the state and notify the cards whose entry is a different object. */
  set(next: ReadonlyMap<string, CardAgreement>): void {
    const prev = this.map;
    this.map = next;
    for (const [cardId, set] of this.listeners) {
      if (prev.get(cardId) !== next.get(cardId)) for (const listener of set) listener();
    }
  }

  /** The agreement of one card, if the server has sent one. */
  get(cardId: string): CardAgreement | undefined {
    return this.map.get(cardId);
  }

  /** Every agreement, for board-wide figures. */
  all(): ReadonlyMap<string, CardAgreement> {
    return this.map;
  }

  /** Listen for changes to one card's agreement; returns the unsubscribe function. */
  subscribe(cardId: string, listener: Listener): () => void {
    let set = this.listeners.get(cardId);
    if (!set) {
      set = new Set();
      this.listeners.set(cardId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(cardId);
    };
  }
}
