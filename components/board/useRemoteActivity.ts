'use client';
/**
 * Listens for other people's changes to the board and hands one short sentence every few
 * seconds to the polite live region. The person's own actions are never announced.
 */
import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { cardsMap } from '../../lib/board/doc';
import { ActivityBatcher } from './ActivityBatcher';
import { activityOf } from './activityOf';

/** Feed other people's card activity to `announce`, once the board has loaded. */
export function useRemoteActivity(
  doc: Y.Doc,
  ready: boolean,
  ownActions: Set<string>,
  announce: (sentence: string) => void,
): void {
  const readyRef = useRef(ready);
  useEffect(() => {
    readyRef.current = ready;
  }, [ready]);

  useEffect(() => {
    const batcher = new ActivityBatcher(announce);
    const cards = cardsMap(doc) as Y.Map<unknown>;
    const onDeep = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => {
      if (tr.local || !readyRef.current) return;
      for (const { kind, cardId } of activityOf(events, cards)) {
        if ((kind === 'deleted' || kind === 'restored') && ownActions.delete(cardId)) continue;
        batcher.record(kind, cardId);
      }
    };
    cards.observeDeep(onDeep);
    return () => {
      cards.unobserveDeep(onDeep);
      batcher.dispose();
    };
  }, [doc, ownActions, announce]);
}
