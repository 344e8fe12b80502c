'use client';
/**
 * Private writing for the board (issue 11): from the facilitation state, whether this
 * person writes into a draft now, the draft itself (`useDraftDoc`) and what the sections
 * need of it (`DraftContext`).
 */
import { useMemo } from 'react';
import type * as Y from 'yjs';
import type { PrivateWritingState } from '../../lib/facilitation/state';
import type { DraftContextValue } from './DraftContext';
import { type DraftMode, useDraftDoc } from './useDraftDoc';
import { useSectionIds } from './useSectionIds';

/** What the board needs of private writing. */
export interface PrivateDraft {
  /** For the sections; null while private writing is off or this person cannot write. */
  context: DraftContextValue | null;
  /** True for people whose new cards go to a draft (they can write and have a group). */
  writes: boolean;
  closedMessage: string | null;
}

/** The person's draft while private writing is on. */
export function usePrivateDraft(
  state: PrivateWritingState | null,
  who: { workshopId: string; participantId: string; canWrite: boolean; hasGroup: boolean },
  board: Y.Doc,
): PrivateDraft {
  const writes = who.canWrite && who.hasGroup;
  const mode: DraftMode = !state || !writes ? 'off' : state.revealing ? 'revealing' : 'drafting';
  const draft = useDraftDoc(who.workshopId, who.participantId, mode, board);
  const ids = useSectionIds(draft.doc);
  const context = useMemo<DraftContextValue | null>(
    () => (draft.doc ? { doc: draft.doc, ids, writable: mode === 'drafting' } : null),
    [draft.doc, ids, mode],
  );
  return { context, writes, closedMessage: draft.closedMessage };
}
