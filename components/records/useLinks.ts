'use client';
/** The records that link to one card, re-rendering only when they change. */
import { useCallback, useSyncExternalStore } from 'react';
import type { LinkedRecord, LinksIndex } from './LinksIndex';

const NONE: readonly LinkedRecord[] = [];
const noop = () => () => {};

/** The decisions and indicators that link to `cardId`. */
export function useLinks(index: LinksIndex | null, cardId: string): readonly LinkedRecord[] {
  const subscribe = useCallback(
    (cb: () => void) => (index ? index.subscribe(cardId, cb) : noop()),
    [index, cardId],
  );
  const read = () => index?.get(cardId) ?? NONE;
  return useSyncExternalStore(subscribe, read, read);
}

/** A number that changes whenever any link changes (for board-wide lists). */
export function useLinksVersion(index: LinksIndex | null): number {
  const subscribe = useCallback(
    (cb: () => void) => (index ? index.subscribeAll(cb) : noop()),
    [index],
  );
  const read = () => index?.version ?? 0;
  return useSyncExternalStore(subscribe, read, read);
}
