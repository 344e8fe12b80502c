'use client';
/** Re-renders one card, and only that card, whenever its own Y.Map or Y.Text changes. */
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { cardsMap } from '../../lib/board/doc';

/** A number that changes on every change to the card `id` (its text, section, order or state). */
export function useCardVersion(doc: Y.Doc, id: string): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const card = cardsMap(doc).get(id);
    if (!(card instanceof Y.Map)) return;
    const bump = () => setVersion((v) => v + 1);
    card.observeDeep(bump);
    return () => card.unobserveDeep(bump);
  }, [doc, id]);
  return version;
}
