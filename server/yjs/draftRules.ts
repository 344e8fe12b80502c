/**
 * The rules a private draft adds to the board's update inspection (issue 11, I56): its
 * clientIDs are never used on the board (so clocks never collide and reveal binds them
 * afresh), its new card ids are not on the board, and it stays small enough to be revealed
 * as ONE update within the board's per-frame caps (FRAME_LIMITS).
 */
import type * as Y from 'yjs';
import { cardsMap } from '../../lib/board/doc';
import type { Reason } from '../../lib/protocol/reasons';
import { FRAME_LIMITS } from './frameLimits';
import type { Inspection } from './inspection';

/** Caps on one person's whole draft, well inside the caps on one frame. */
export const DRAFT_LIMITS = {
  /** New cards in one draft. */
  cards: 50,
  /** Structs in the draft doc (upper bound: an inserted item splits at most two others). */
  structs: FRAME_LIMITS.structs / 2,
  /** Characters inserted into the draft, all edits counted. */
  chars: FRAME_LIMITS.insertedChars / 4,
  /** Distinct clientIDs (a new one per page load). */
  clients: 16,
} as const;

/** What the draft holds so far. */
export interface DraftTotals {
  cards: number;
  chars: number;
  clients: ReadonlySet<number>;
  doc: Y.Doc;
}

/** How many structs a doc holds: each client's struct list, without encoding anything. */
export function structCount(doc: Y.Doc): number {
  let n = 0;
  for (const list of doc.store.clients.values()) n += list.length;
  return n;
}

/** Null when the inspected draft update may be stored; otherwise why not. */
export function draftProblem(
  verdict: Inspection,
  structsInUpdate: number,
  draft: DraftTotals,
  board: Y.Doc,
  boardBindings: ReadonlyMap<number, string>,
): { reason: Reason; detail: string } | null {
  for (const client of verdict.newBindings) {
    if (boardBindings.has(client) || board.store.clients.has(client) || client === 0)
      return { reason: 'forbidden', detail: 'a draft clientID is already used on the board' };
  }
  const cards = cardsMap(board);
  for (const id of verdict.createdCards) {
    if (cards.has(id)) return { reason: 'forbidden', detail: `card ${id} is already on the board` };
  }
  let chars = 0;
  for (const a of verdict.attributions.values()) chars += a.inserted;
  const full =
    draft.cards + verdict.createdCards.length > DRAFT_LIMITS.cards ||
    draft.chars + chars > DRAFT_LIMITS.chars ||
    draft.clients.size + verdict.newBindings.length > DRAFT_LIMITS.clients ||
    structCount(draft.doc) + 3 * structsInUpdate > DRAFT_LIMITS.structs;
  return full ? { reason: 'draftFull', detail: 'the draft is at its limits' } : null;
}
