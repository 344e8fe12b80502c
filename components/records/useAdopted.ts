'use client';
/**
 * Which of a card's linked indicators both groups have adopted as they are now (issue 9),
 * re-rendering when one of their agreements changes. Adoption is read exactly as the
 * indicator shows it: `recordFacts` over its current `recordHash`.
 */
import { useEffect, useReducer } from 'react';
import { cardsMap } from '../../lib/board/doc';
import { useBoard } from '../board/BoardContext';
import { recordFacts } from '../board/cardFacts';
import type { LinkedRecord } from './LinksIndex';

/** The ids of the adopted indicators among `links`. */
export function useAdopted(links: readonly LinkedRecord[]): ReadonlySet<string> {
  const board = useBoard();
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const ids = links.filter((l) => l.kind === 'indicator').map((l) => l.id);
  const key = ids.join(' ');
  useEffect(() => {
    if (!key) return;
    const off = key.split(' ').map((id) => board.agreements.subscribe(id, bump));
    return () => {
      for (const o of off) o();
    };
  }, [board.agreements, key]);
  const adopted = new Set<string>();
  for (const id of ids) {
    const creator = cardsMap(board.doc).get(id)?._item?.id.client ?? 0;
    const facts = recordFacts(
      board.doc,
      id,
      board.groupOf,
      board.groupOf(creator),
      board.agreements.get(id),
    );
    if (facts?.agreedBy.has('people') && facts.agreedBy.has('system')) adopted.add(id);
  }
  return adopted;
}
