'use client';
/**
 * Listens for other people's changes to the board and returns one short sentence every
 * few seconds for the polite live region. The person's own actions are never announced.
 */
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { cardsMap } from '../../lib/board/doc';
import { ActivityBatcher } from './ActivityBatcher';
import { activityOf } from './activityOf';

/** The latest announcement; stays empty until the board has loaded. */
export function useRemoteActivity(doc: Y.Doc, ready: boolean, ownActions: Set<string>): string {
  const [message, setMessage] = useState('');
  const readyRef = useRef(ready);
  useEffect(() => {
    readyRef.current = ready;
  }, [ready]);

  useEffect(() => {
    // A repeated sentence gets a trailing no-break space so screen readers say it again.
    const batcher = new ActivityBatcher((s) =>
      setMessage((prev) => (prev === s ? `${s}\u00a0` : s)),
    );
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
  }, [doc, ownActions]);

  return message;
}
