/**
 * A card's text at each of its versions, rebuilt from the items of its Y.Text (kept by a
 * doc with `gc: false`) and the id ranges each version inserted and deleted (issue 13).
 * A character is in version k when a version ≤ k inserted it and no version ≤ k deleted
 * it. Characters no recorded version inserted are older than the history (present from
 * the start); deleted ones no version accounts for are treated as gone from the start.
 */
import * as Y from 'yjs';
import type { IdRange, UpdateRanges } from './historyRanges';

type Runs = Map<number, [start: number, end: number, version: number][]>;

function index(versions: UpdateRanges[], pick: (v: UpdateRanges) => IdRange[]): Runs {
  const runs: Runs = new Map();
  versions.forEach((v, k) => {
    for (const [client, clock, len] of pick(v)) {
      const list = runs.get(client) ?? [];
      list.push([clock, clock + len, k]);
      runs.set(client, list);
    }
  });
  return runs;
}

/** The first version whose ranges hold this id, or undefined. */
function versionOf(runs: Runs, client: number, clock: number): number | undefined {
  let found: number | undefined;
  for (const [start, end, k] of runs.get(client) ?? []) {
    if (clock >= start && clock < end && (found === undefined || k < found)) found = k;
  }
  return found;
}

/** Every character a card ever held, who wrote it, and which of them each version holds. */
export interface HistoryChars {
  chars: string[];
  /** The Yjs clientID that wrote each character. */
  clients: number[];
  /** Whether each character is in the text now. */
  live: boolean[];
  /** For each version, the indices into `chars` of its text, in order. */
  versions: number[][];
}

/** The characters of `text` and, for each version in `versions` (oldest first), its text. */
export function historyChars(text: Y.Text, versions: UpdateRanges[]): HistoryChars {
  const ins = index(versions, (v) => v.inserted);
  const del = index(versions, (v) => v.deleted);
  const out: HistoryChars = {
    chars: [],
    clients: [],
    live: [],
    versions: versions.map(() => []),
  };
  for (let item = text._start; item !== null; item = item.right) {
    if (!(item.content instanceof Y.ContentString)) continue;
    const str = item.content.str;
    const { client, clock } = item.id;
    for (let i = 0; i < str.length; i++) {
      const from = versionOf(ins, client, clock + i) ?? -1;
      const until = versionOf(del, client, clock + i) ?? (item.deleted ? -1 : versions.length);
      if (until <= Math.max(0, from) && item.deleted) continue;
      const at = out.chars.push(str.charAt(i)) - 1;
      out.clients.push(client);
      out.live.push(!item.deleted);
      for (let k = Math.max(0, from); k < until; k++) out.versions[k]?.push(at);
    }
  }
  return out;
}

/** The text of `text` after each version in `versions` (oldest first). */
export function historyTexts(text: Y.Text, versions: UpdateRanges[]): string[] {
  const h = historyChars(text, versions);
  return h.versions.map((ix) => ix.map((i) => h.chars[i]).join(''));
}
