/** The window event a successful "Delete card" sends, so the board can offer Undo (issue 13). */
import type { Section } from '../../lib/board/sections';

/** The event's name. */
export const DELETED_EVENT = 'purple:card-deleted';

/** What `DELETED_EVENT` carries: the card, its section and the neighbour focus goes to. */
export interface DeletedDetail {
  cardId: string;
  section: Section;
  neighbour: string | undefined;
}
