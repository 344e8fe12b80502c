/**
 * "Alex (Staff) changed most of your card. See what changed." (issue 13): when one update
 * removes most of what someone of the other group wrote in a card, its authors are told.
 * Runs only for updates that delete at least `MIN_REPLACED` characters of a card, so
 * typing and backspacing never pay for it.
 */
import type * as Y from 'yjs';
import { cardText } from '../../lib/board/doc';
import { historyAuthor } from '../../lib/board/historyAuthor';
import type { GroupSizes } from '../../lib/visibility/policy';
import type { ParticipantRow } from '../store/Store';

/** An update must delete at least this many characters of a card to be checked. */
export const MIN_REPLACED = 10;

/** One notice for one author about one card. */
export interface CardNotice {
  participantId: string;
  cardId: string;
  message: string;
}

/** What the check needs from the room. */
export interface NoticeRoom {
  doc: Y.Doc;
  bindings: ReadonlyMap<number, string>;
  participants: ReadonlyMap<string, ParticipantRow>;
  groupSizes(): GroupSizes;
  identifiableThen(participantId: string): boolean;
}

type Counts = Map<string, Map<string, number>>;

/** Live characters per author of each card. */
function authorCounts(room: NoticeRoom, cardIds: string[]): Counts {
  const out: Counts = new Map();
  for (const id of cardIds) {
    const counts = new Map<string, number>();
    for (let item = cardText(room.doc, id)?._start ?? null; item; item = item.right) {
      if (item.deleted || !item.countable) continue;
      const pid = room.bindings.get(item.id.client);
      if (pid) counts.set(pid, (counts.get(pid) ?? 0) + item.length);
    }
    out.set(id, counts);
  }
  return out;
}

/**
 * Call before applying an update by `editor`; returns a function to call after it that
 * gives the notices, or null when no card lost enough characters to check.
 */
export function watchReplacements(
  room: NoticeRoom,
  editor: ParticipantRow,
  attributions: ReadonlyMap<string, { deleted: number }>,
): (() => CardNotice[]) | null {
  if (!editor.group) return null;
  const cards = [...attributions].filter(([, a]) => a.deleted >= MIN_REPLACED).map(([id]) => id);
  if (cards.length === 0) return null;
  const before = authorCounts(room, cards);
  return () => {
    const after = authorCounts(room, cards);
    const sizes = room.groupSizes();
    const editorNamedThen = room.identifiableThen(editor.id);
    const notices: CardNotice[] = [];
    for (const [cardId, counts] of before) {
      for (const [pid, had] of counts) {
        const author = room.participants.get(pid);
        if (!author?.group || author.group === editor.group || had < MIN_REPLACED) continue;
        const left = after.get(cardId)?.get(pid) ?? 0;
        if (left * 2 >= had) continue;
        const who = historyAuthor(editor, pid, editorNamedThen, sizes);
        notices.push({
          participantId: pid,
          cardId,
          message: `${who} changed most of your card. See what changed.`,
        });
      }
    }
    return notices;
  };
}
