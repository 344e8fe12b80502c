/**
 * A card's text at each of its versions, rebuilt from the items of its Y.Text (kept by a
 * doc with `gc: false`) and the id ranges each version inserted and deleted (issue 13).
 * A character is in version k when a version ≤ k inserted it and no version ≤ k deleted
 * it. Characters no recorded version inserted are older than the history (present from
 * the start); deleted ones no version accounts for are treated as gone from the start.
 */
import * as Y from 'yjs';
import type { IdRange, UpdateRanges } from './historyRanges';

/** One client's runs, sorted by start, with the largest end so far at each index. */
interface ClientRuns {
  starts: number[];
  ends: number[];
  versions: number[];
  maxEnd: number[];
}

type Runs = Map<number, ClientRuns>;

function index(versions: UpdateRanges[], pick: (v: UpdateRanges) => IdRange[]): Runs {
  const lists = new Map<number, [start: number, end: number, version: number][]>();
  versions.forEach((v, k) => {
    for (const [client, clock, len] of pick(v)) {
      const list = lists.get(client) ?? [];
      list.push([clock, clock + len, k]);
      lists.set(client, list);
    }
  });
  const runs: Runs = new Map();
  for (const [client, list] of lists) {
    list.sort((x, y) => x[0] - y[0]);
    let max = 0;
    runs.set(client, {
      starts: list.map((r) => r[0]),
      ends: list.map((r) => r[1]),
      versions: list.map((r) => r[2]),
      maxEnd: list.map((r) => {
        max = Math.max(max, r[1]);
        return max;
      }),
    });
  }
  return runs;
}

/**
 * The first version whose ranges hold this id, or undefined: a binary search for the last
 * run starting at or before `clock`, then back over earlier runs only while one could still
 * reach it (two people can delete the same text), so a long history stays quick.
 */
function versionOf(runs: Runs, client: number, clock: number): number | undefined {
  const r = runs.get(client);
  if (!r) return undefined;
  let lo = 0;
  let hi = r.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((r.starts[mid] ?? 0) <= clock) lo = mid + 1;
    else hi = mid - 1;
  }
  let found: number | undefined;
  for (let j = hi; j >= 0 && (r.maxEnd[j] ?? 0) > clock; j--) {
    const k = r.versions[j] ?? 0;
    if ((r.ends[j] ?? 0) > clock && (found === undefined || k < found)) found = k;
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
