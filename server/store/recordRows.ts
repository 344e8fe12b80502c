/**
 * Row types of decision and indicator records (issue 9; migration 12): the facts one
 * authority decides, stored server-side and never read from the Y.Doc (I72).
 */
import type { ActionStatus, Outcome } from '../../lib/protocol/recordEvents';

/** A decision's current outcome; each save is also kept in its history. */
export interface OutcomeRow {
  workshopId: string;
  decisionId: string;
  outcome: Outcome;
  /** The decision's rationale text as it was when saved. */
  rationale: string;
  againstLived: boolean;
  againstBecause: 'vote' | 'note' | null;
  /** The facilitator's note that people with lived experience disagreed. */
  livedDisagreed: boolean;
  savedBy: string;
  savedAt: string;
}

/** One thing to be done because of a decision. */
export interface ActionRow {
  id: string;
  workshopId: string;
  decisionId: string;
  what: string;
  who: string;
  byWhen: string | null;
  status: ActionStatus;
  /** Why it was dropped ('' otherwise). */
  reason: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** A measured value of a quality indicator. */
export interface ReadingRow {
  id: string;
  workshopId: string;
  indicatorId: string;
  value: number;
  date: string;
  note: string;
  addedBy: string;
  /** Whether the person who added it could be named when they did (visibility policy). */
  identifiable: boolean;
  addedAt: string;
}

/** A Joint priorities card closed as "Not possible, because …". */
export interface ClosureRow {
  workshopId: string;
  cardId: string;
  reason: string;
  closedBy: string;
  closedAt: string;
}

/** Everything stored of a workshop's records, oldest first in each list. */
export interface RecordsData {
  outcomes: OutcomeRow[];
  actions: ActionRow[];
  readings: ReadingRow[];
  closures: ClosureRow[];
}

/** A change to an action's status. */
export interface ActionChange {
  status: ActionStatus;
  reason: string;
  updatedAt: string;
}
