'use client';
/**
 * Builds the board's services for the card context once, so that cards do not re-render
 * when `useWorkshop` returns new function objects.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { Group } from '../../lib/roles';
import type { Workshop } from '../workshop/useWorkshop';
import { AgreementStore } from './AgreementStore';
import type { BoardServices } from './BoardContext';
import { FocusRequests } from './FocusRequests';
import type { BoardDoc } from './useBoardDoc';

/** Who this person is, as the board needs it. */
export interface BoardIdentity {
  group: Group | null;
  /** The roster's `author` key for this person's own clientIDs. */
  participantId: string;
  isFacilitator: boolean;
  canWrite: boolean;
}

/** Stable services for `BoardContext`; the value changes only when write access changes. */
export function useBoardServices(
  board: BoardDoc,
  live: Workshop,
  me: BoardIdentity,
): BoardServices {
  const liveRef = useRef(live);
  useEffect(() => {
    liveRef.current = live;
  });
  const agreements = useMemo(() => new AgreementStore(), []);
  const focus = useMemo(() => new FocusRequests(), []);
  const ownActions = useMemo(() => new Set<string>(), []);
  useEffect(() => agreements.set(live.agreements), [agreements, live.agreements]);

  const { doc, roster } = board;
  const { group, participantId, isFacilitator, canWrite } = me;
  return useMemo<BoardServices>(() => {
    // This browser's own clientID is known to be this person's, so its text is never a guess.
    const groupOf = (clientId: number) =>
      roster.groupOf(clientId) ?? (clientId === doc.clientID ? (group ?? undefined) : undefined);
    const isMine = (creator: number) => {
      if (creator === doc.clientID) return true;
      return roster.get(creator)?.author === participantId;
    };
    return {
      doc,
      roster,
      groupOf,
      canWrite,
      isFacilitator,
      isMine,
      endorse: (cardId, text) => liveRef.current.endorse(cardId, text),
      deleteCard: (cardId) => liveRef.current.deleteCard(cardId),
      restoreCard: (cardId) => liveRef.current.restoreCard(cardId),
      cardHistory: (cardId) => liveRef.current.cardHistory(cardId),
      revertCard: (cardId, seq) => liveRef.current.revertCard(cardId, seq),
      agreements,
      focus,
      ownActions,
    };
  }, [doc, roster, group, participantId, canWrite, isFacilitator, agreements, focus, ownActions]);
}
