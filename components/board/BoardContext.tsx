'use client';
/**
 * What every card needs from the board, in a context whose value changes only when write
 * access changes, so cards re-render for their own edits and not for their neighbours'.
 */
import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { GroupOf } from '../../lib/attribution/countChars';
import type { Roster } from '../../lib/attribution/roster';
import type { Ack, CardHistoryView } from '../../lib/protocol/events';
import type { AgreementStore } from './AgreementStore';
import type { FocusRequests } from './FocusRequests';

/** The board-wide services a card uses. */
export interface BoardServices {
  doc: Y.Doc;
  roster: Roster;
  /** Roster lookup that also knows this browser's own clientID (never a guess). */
  groupOf: GroupOf;
  canWrite: boolean;
  isFacilitator: boolean;
  /** True when this person created the card (the server has the final word). */
  isMine(creatorClientId: number): boolean;
  endorse(cardId: string, text: string): Promise<Ack>;
  deleteCard(cardId: string): Promise<Ack>;
  /** Undo your own deletion (or a facilitator's restore). */
  restoreCard(cardId: string): Promise<Ack>;
  /** A card's history, and restoring one of its versions (issue 13). */
  cardHistory(cardId: string): Promise<Ack<{ history: CardHistoryView }>>;
  revertCard(cardId: string, seq: number): Promise<Ack>;
  agreements: AgreementStore;
  focus: FocusRequests;
  /** Cards this person deleted or restored, so their own actions are not announced back. */
  ownActions: Set<string>;
}

export const BoardContext = createContext<BoardServices | null>(null);

/** Bumped whenever the roster learns new clientIDs, so cards recount their colours. */
export const RosterVersionContext = createContext(0);

/** The board's services; throws when used outside `<Board>`. */
export function useBoard(): BoardServices {
  const value = useContext(BoardContext);
  if (!value) throw new Error('useBoard must be used inside <Board>');
  return value;
}
