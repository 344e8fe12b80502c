/**
 * Count a Y.Text's live characters by the group of the clientID that wrote them.
 * Reads Yjs items directly (each carries its creator's clientID, DESIGN §3).
 */
import * as Y from 'yjs';
import type { Group } from '../roles';
import type { CharCounts } from './colour';

/** Resolves a Yjs clientID to a group; undefined when the roster has no binding yet. */
export type GroupOf = (clientId: number) => Group | null | undefined;

/** Live character counts of `text` per group. */
export function countChars(text: Y.Text, groupOf: GroupOf): CharCounts {
  const counts: CharCounts = { people: 0, system: 0, unknown: 0 };
  let item = text._start;
  while (item !== null) {
    if (!item.deleted && item.countable && item.content instanceof Y.ContentString) {
      const group = groupOf(item.id.client);
      const n = item.length;
      if (group === 'people') counts.people += n;
      else if (group === 'system') counts.system += n;
      else counts.unknown += n;
    }
    item = item.right;
  }
  return counts;
}
