'use client';
/**
 * This person's private draft, for the sections (issue 11): its doc, its card ids per
 * section, and whether new cards go to it now. Null while private writing is off.
 */
import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { SectionIds } from './sectionIds';

/** The draft as sections see it. */
export interface DraftContextValue {
  doc: Y.Doc;
  ids: SectionIds;
  /** True while new cards go to the draft (false while the facilitator reveals them). */
  writable: boolean;
}

export const DraftContext = createContext<DraftContextValue | null>(null);

/** The draft, or null when private writing is off (or the person cannot write). */
export function useDraft(): DraftContextValue | null {
  return useContext(DraftContext);
}
