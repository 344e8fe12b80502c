'use client';
/**
 * Subscribes to card membership and order only: typing in a card never re-renders the
 * section lists.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { cardsMap } from '../../lib/board/doc';
import {
  emptySectionIds,
  keepUnchanged,
  readSectionIds,
  type SectionIds,
  touchesLayout,
} from './sectionIds';

/** The ordered card ids of every section, updated when cards are added, moved or deleted. */
export function useSectionIds(doc: Y.Doc | null): SectionIds {
  const [ids, setIds] = useState<SectionIds>(emptySectionIds);
  useEffect(() => {
    // No doc (a private draft while private writing is off): no cards.
    if (!doc) return setIds((prev) => keepUnchanged(prev, emptySectionIds()));
    const cards = cardsMap(doc) as Y.Map<unknown>;
    const refresh = () => setIds((prev) => keepUnchanged(prev, readSectionIds(doc)));
    const onDeep = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      if (events.some((event) => touchesLayout(event, cards))) refresh();
    };
    refresh();
    cards.observeDeep(onDeep);
    return () => cards.unobserveDeep(onDeep);
  }, [doc]);
  return ids;
}
