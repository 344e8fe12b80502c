/**
 * Cheap limits on one decoded Yjs update, checked before anything that grows with the doc
 * (issue 8 §1, invariant I18). The caps sit far above what the y-websocket client sends,
 * even the sync reply after a long offline session (measured in bench/RESULTS.md §
 * "Worst frames"): a paste of a full 2,000-character card is one item.
 */
import * as Y from 'yjs';

/** Per-frame caps. */
export const FRAME_LIMITS = {
  /** Structs (items, GC, skips) in one update. */
  structs: 8_000,
  /** Distinct clientIDs in one update; each new one becomes a binding. */
  clients: 64,
  /** Delete-set ranges in one update. */
  deleteRanges: 20_000,
  /** Characters of text inserted by one update (a full card is 2,000). */
  insertedChars: 200_000,
} as const;

/** Null when `decoded` is within FRAME_LIMITS; otherwise what is over. */
export function frameLimitProblem(decoded: ReturnType<typeof Y.decodeUpdate>): string | null {
  if (decoded.structs.length > FRAME_LIMITS.structs) {
    return `an update may hold at most ${FRAME_LIMITS.structs} changes`;
  }
  const clients = new Set<number>();
  let chars = 0;
  for (const s of decoded.structs) {
    clients.add(s.id.client);
    if (s instanceof Y.Item && s.content instanceof Y.ContentString) chars += s.length;
  }
  if (chars > FRAME_LIMITS.insertedChars) {
    return `an update may insert at most ${FRAME_LIMITS.insertedChars} characters`;
  }
  for (const c of decoded.ds.clients.keys()) clients.add(c);
  if (clients.size > FRAME_LIMITS.clients) {
    return `an update may come from at most ${FRAME_LIMITS.clients} devices`;
  }
  let ranges = 0;
  for (const list of decoded.ds.clients.values()) ranges += list.length;
  if (ranges > FRAME_LIMITS.deleteRanges) {
    return `an update may delete at most ${FRAME_LIMITS.deleteRanges} stretches of text`;
  }
  return null;
}
