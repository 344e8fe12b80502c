/**
 * Groups a card's stored edits into the versions its history shows (issue 13): one
 * person's run of edits, each within `GAP_MS` of the last, is one version; a restore is
 * always a version of its own; an edit that leaves the text as it was is dropped.
 */

/** Edits by one person closer together than this are one version. */
export const GAP_MS = 2 * 60 * 1000;

/** One stored edit of a card, with the text after it. */
export interface CardEdit {
  seq: number;
  at: string;
  participantId: string | null;
  text: string;
  /** Set when this edit restored the version ending at that seq. */
  restoredFrom: number | null;
}

/** Merge `edits` (in seq order) into versions; each keeps its last edit's seq, time and text. */
export function historyVersions(edits: CardEdit[]): CardEdit[] {
  const out: CardEdit[] = [];
  for (const e of edits) {
    const last = out.at(-1);
    const sameRun =
      last !== undefined &&
      last.participantId === e.participantId &&
      last.restoredFrom === null &&
      e.restoredFrom === null &&
      Date.parse(e.at) - Date.parse(last.at) < GAP_MS;
    if (sameRun) out[out.length - 1] = e;
    else if (last === undefined || last.text !== e.text || e.restoredFrom !== null) out.push(e);
  }
  return out;
}
