/**
 * The structs of one decoded update, indexed by id (per client, sorted by clock, found by
 * binary search), and the check that Yjs can integrate every one of them at once: each item's
 * origin, right origin and parent must be in the server's doc or earlier in this update, with
 * no cycle. Both are linear in the update's size (issue 8 §1, invariant I18).
 */
import * as Y from 'yjs';

type Struct = Y.Item | Y.GC;

/** An update's items and GC structs, found by id in O(log n). */
export class UpdateIndex {
  private readonly byClient = new Map<number, Struct[]>();
  private readonly before = new Map<Struct, Struct>();

  constructor(structs: Y.AbstractStruct[]) {
    for (const s of structs) {
      if (!(s instanceof Y.Item) && !(s instanceof Y.GC)) continue;
      const list = this.byClient.get(s.id.client);
      if (list) list.push(s);
      else this.byClient.set(s.id.client, [s]);
    }
    for (const list of this.byClient.values()) {
      if (!isSorted(list)) list.sort((a, b) => a.id.clock - b.id.clock);
      for (let i = 1; i < list.length; i++)
        this.before.set(list[i] as Struct, list[i - 1] as Struct);
    }
  }

  /** The struct of the same client just before `s` in this update (Yjs integrates in order). */
  previous(s: Struct): Struct | undefined {
    return this.before.get(s);
  }

  /** The struct of this update covering `id`, or null. */
  find(id: Y.ID): Struct | null {
    const list = this.byClient.get(id.client);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const s = list[mid] as Struct;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return null;
  }

  /**
   * True when some client's structs do not start at the server's clock for it or leave a
   * hole: Yjs would keep that content pending, invisible to everyone (issue 8 §3).
   */
  hasClockGap(doc: Y.Doc): boolean {
    for (const [client, list] of this.byClient) {
      let at = Y.getState(doc.store, client);
      for (const s of list) {
        if (s.id.clock > at) return true;
        at = Math.max(at, s.id.clock + s.length);
      }
    }
    return false;
  }

  /** The item of this update covering `id`, or null (GC structs are not items). */
  findItem(id: Y.ID): Y.Item | null {
    const s = this.find(id);
    return s instanceof Y.Item ? s : null;
  }
}

function isSorted(list: Struct[]): boolean {
  for (let i = 1; i < list.length; i++) {
    if ((list[i] as Struct).id.clock < (list[i - 1] as Struct).id.clock) return false;
  }
  return true;
}

/** The ids an item needs before Yjs can integrate it, its predecessor in the update first. */
function dependencies(item: Y.Item, index: UpdateIndex): Y.ID[] {
  const out: Y.ID[] = [];
  const prev = index.previous(item);
  if (prev) out.push(prev.id);
  if (item.origin) out.push(item.origin);
  if (item.rightOrigin) out.push(item.rightOrigin);
  if (item.parent instanceof Y.ID) out.push(item.parent);
  return out;
}

/**
 * Null when every item can be integrated now; otherwise why not. A dependency the server
 * lacks would leave the update pending (stored, acknowledged, and seen by nobody); one on a
 * later clock of the same client makes `Y.applyUpdate` throw.
 */
export function missingDependency(doc: Y.Doc, index: UpdateIndex, items: Y.Item[]): string | null {
  const state = new Map<Y.Item, 1 | 2>(); // 1: being checked, 2: integrable
  for (const root of items) {
    if (state.get(root) === 2) continue;
    const stack: Y.Item[] = [root];
    while (stack.length > 0) {
      const item = stack[stack.length - 1] as Y.Item;
      state.set(item, 1);
      let pushed = false;
      for (const dep of dependencies(item, index)) {
        if (dep.clock < Y.getState(doc.store, dep.client)) continue;
        const s = index.find(dep);
        if (!s) return 'it builds on content the server does not have';
        if (s.id.client === item.id.client && s.id.clock >= item.id.clock) {
          return 'it builds on content that comes later in the same update';
        }
        if (!(s instanceof Y.Item) || state.get(s) === 2) continue;
        if (state.get(s) === 1) return 'its content depends on itself';
        stack.push(s);
        pushed = true;
        break;
      }
      if (!pushed) {
        state.set(item, 2);
        stack.pop();
      }
    }
  }
  return null;
}
