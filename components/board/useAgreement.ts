'use client';
/** One card's agreement state, re-rendering the card only when that entry changes. */
import { useCallback, useSyncExternalStore } from 'react';
import type { CardAgreement } from '../../lib/protocol/events';
import type { AgreementStore } from './AgreementStore';

/** The server's agreement record for `cardId`, if any. */
export function useAgreement(store: AgreementStore, cardId: string): CardAgreement | undefined {
  const subscribe = useCallback((cb: () => void) => store.subscribe(cardId, cb), [store, cardId]);
  const read = () => store.get(cardId);
  return useSyncExternalStore(subscribe, read, read);
}
