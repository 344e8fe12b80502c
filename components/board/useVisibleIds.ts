'use client';
/**
 * The card ids each section shows under the board's filter and search. With no filter it
 * returns `ids` itself, so nothing extra is computed or rendered; with one, it recounts
 * after each change to the board, the agreements or the roster.
 */
import { useEffect, useMemo, useState } from 'react';
import { cardsMap, cardText } from '../../lib/board/doc';
import { SECTIONS } from '../../lib/board/sections';
import type { BoardServices } from './BoardContext';
import { cardFacts } from './cardFacts';
import { type CardFilter, cardMatches, isEmptyFilter } from './cardFilter';
import type { SectionIds } from './sectionIds';

/** `ids` narrowed to the cards that match `filter`. */
export function useVisibleIds(
  ids: SectionIds,
  filter: CardFilter,
  board: BoardServices,
  rosterVersion: number,
  agreements: unknown,
): SectionIds {
  const active = !isEmptyFilter(filter);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    const bump = () => setTick((t) => t + 1);
    board.doc.on('update', bump);
    return () => board.doc.off('update', bump);
  }, [active, board]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick, rosterVersion and agreements mark changes inside the doc, roster and agreement store.
  return useMemo(() => {
    if (!active) return ids;
    const out = { ...ids };
    for (const section of SECTIONS) {
      out[section] = ids[section].filter((id) => {
        const text = cardText(board.doc, id);
        if (!text) return false;
        const creator = cardsMap(board.doc).get(id)?._item?.id.client ?? 0;
        const facts = cardFacts(
          text,
          board.groupOf,
          board.groupOf(creator),
          board.agreements.get(id),
        );
        return cardMatches(filter, { text: text.toString(), facts, mine: board.isMine(creator) });
      });
    }
    return out;
  }, [active, ids, filter, board, tick, rosterVersion, agreements]);
}
