/**
 * Which decisions and indicators link to each card ("cards it answers", "priorities it
 * serves"), kept up to date from the Y.Doc and told per card, so a priority's "What became
 * of this" line re-renders only when its own answers change (issue 9). It rescans when a
 * record map changes or a decision's or indicator's main text is typed in, never for
 * typing in plain cards.
 */
import * as Y from 'yjs';
import { CARD_KEYS, cardsMap } from '../../lib/board/doc';
import { fieldsOf, isRecordKind } from '../../lib/board/schema';

/** A decision or indicator that links to a card. */
export interface LinkedRecord {
  id: string;
  kind: 'decision' | 'indicator';
  /** Its question or proposal, or its statement. */
  text: string;
}

type Listener = () => void;
const NONE: readonly LinkedRecord[] = [];

/** Read every live record's links, by the card they name. */
export function readLinks(doc: Y.Doc): Map<string, LinkedRecord[]> {
  const out = new Map<string, LinkedRecord[]>();
  for (const [id, record] of cardsMap(doc)) {
    if (!(record instanceof Y.Map) || record.get(CARD_KEYS.deleted) === true) continue;
    const kind = record.get('kind');
    if (!isRecordKind(kind) || kind === 'card') continue;
    const text = record.get(CARD_KEYS.text);
    const linked: LinkedRecord = { id, kind, text: text instanceof Y.Text ? text.toString() : '' };
    for (const [field, spec] of Object.entries(fieldsOf(kind))) {
      if (spec.kind !== 'links') continue;
      const targets = record.get(field);
      if (!Array.isArray(targets)) continue;
      for (const target of targets) {
        if (typeof target !== 'string') continue;
        const list = out.get(target) ?? [];
        if (!list.some((l) => l.id === id)) list.push(linked);
        out.set(target, list);
      }
    }
  }
  return out;
}

const same = (a: readonly LinkedRecord[], b: readonly LinkedRecord[]) =>
  a.length === b.length &&
  a.every((l, i) => l.id === b[i]?.id && l.text === b[i]?.text && l.kind === b[i]?.kind);

/** True when a deep event may change what links where (a map change, or a record's main text). */
function touchesLinks(event: Y.YEvent<Y.AbstractType<unknown>>): boolean {
  if (event instanceof Y.YMapEvent) return true;
  const parent = event.target.parent;
  if (!(parent instanceof Y.Map)) return false;
  const kind = parent.get('kind');
  return (
    (kind === 'decision' || kind === 'indicator') && parent.get(CARD_KEYS.text) === event.target
  );
}

/** A per-card subscribable index of incoming links. */
export class LinksIndex {
  private map = new Map<string, LinkedRecord[]>();
  /** A number that changes whenever any link changes, for `useSyncExternalStore`. */
  version = 0;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly everyone = new Set<Listener>();
  private readonly detach: () => void;

  constructor(private readonly doc: Y.Doc) {
    this.map = readLinks(doc);
    const cards = cardsMap(doc) as Y.Map<unknown>;
    const onDeep = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      if (events.some(touchesLinks)) this.refresh();
    };
    cards.observeDeep(onDeep);
    this.detach = () => cards.unobserveDeep(onDeep);
  }

  /** Stop listening to the document. */
  destroy(): void {
    this.detach();
  }

  private refresh(): void {
    const prev = this.map;
    const next = readLinks(this.doc);
    const changed: string[] = [];
    for (const id of new Set([...prev.keys(), ...next.keys()])) {
      const before = prev.get(id);
      if (before && same(before, next.get(id) ?? NONE)) next.set(id, before);
      else if (before || next.has(id)) changed.push(id);
    }
    this.map = next;
    if (changed.length === 0) return;
    this.version++;
    for (const id of changed) for (const listener of this.listeners.get(id) ?? []) listener();
    for (const listener of this.everyone) listener();
  }

  /** The records that link to `cardId` (the same array until they change). */
  get(cardId: string): readonly LinkedRecord[] {
    return this.map.get(cardId) ?? NONE;
  }

  /** Listen for changes to one card's incoming links; returns the unsubscribe function. */
  subscribe(cardId: string, listener: Listener): () => void {
    let set = this.listeners.get(cardId);
    if (!set) {
      set = new Set();
      this.listeners.set(cardId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(cardId);
    };
  }

  /** Listen for any change (the facilitator's "Still open" list). */
  subscribeAll(listener: Listener): () => void {
    this.everyone.add(listener);
    return () => this.everyone.delete(listener);
  }
}
