/**
 * Where an item of an update sits in the board's schema, and under which map key. Yjs omits
 * parent and key when an item has an origin (they come from the neighbour when it is
 * integrated), so both follow the chain of neighbours to an item that names its parent.
 * Every answer is memoised, so a chain of any length is walked once (issue 8 §1, I18).
 */
import * as Y from 'yjs';
import type { UpdateIndex } from './updateIndex';

/** A place in the board's schema. */
export type Where =
  | { kind: 'root'; name: string }
  | { kind: 'card'; cardId: string; isNew: boolean }
  /** Inside the Y.Text of a record's text field `field`. */
  | { kind: 'text'; cardId: string; field: string }
  | { kind: 'value' }
  | { kind: 'unknown' };

const UNKNOWN: Where = { kind: 'unknown' };

/** The board's schema nests at most root → card → text → characters. */
const MAX_NESTING = 4;

/** The item at the end of a neighbour chain: it names its parent (or is in the doc). */
interface Anchor {
  item: Y.Item;
  inDoc: boolean;
}

/** Resolves places for one update against the server's doc. */
export class Placement {
  private readonly anchors = new Map<Y.Item, Anchor | null>();
  private readonly places = new Map<Y.Item, Where>();
  private readonly docPlaces = new Map<Y.AbstractType<unknown>, Where>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly index: UpdateIndex,
  ) {}

  /** The map key `item` is written under (null for list or text content). */
  keyOf(item: Y.Item): string | null {
    return this.anchorOf(item)?.item.parentSub ?? null;
  }

  /** True when `item` overwrites a value the server's doc already has under its key. */
  replacesDocValue(item: Y.Item): boolean {
    return this.anchorOf(item)?.inDoc === true;
  }

  /** Where `item` sits in the schema. */
  whereIs(item: Y.Item, nesting = 0): Where {
    const anchor = this.anchorOf(item);
    if (!anchor) return UNKNOWN;
    if (anchor.inDoc) return this.whereIsDocType(anchor.item.parent as Y.AbstractType<unknown>);
    const known = this.places.get(anchor.item);
    if (known) return known;
    const where = this.whereIsParent(anchor.item.parent, nesting);
    this.places.set(anchor.item, where);
    return where;
  }

  /** Classify a type that already exists in the server's doc. */
  whereIsDocType(type: Y.AbstractType<unknown> | null): Where {
    if (!type) return UNKNOWN;
    const known = this.docPlaces.get(type);
    if (known) return known;
    const holder = type._item;
    const where = holder
      ? classify(holder, holder.parentSub, this.whereIsDocType(holder.parent as never), false)
      : { kind: 'root' as const, name: Y.findRootTypeKey(type) };
    this.docPlaces.set(type, where);
    return where;
  }

  private whereIsParent(parent: unknown, nesting: number): Where {
    if (typeof parent === 'string') return { kind: 'root', name: parent };
    if (!(parent instanceof Y.ID) || nesting >= MAX_NESTING) return UNKNOWN;
    const inUpdate = this.index.find(parent);
    if (inUpdate) {
      if (!(inUpdate instanceof Y.Item)) return UNKNOWN;
      const container = this.whereIs(inUpdate, nesting + 1);
      return classify(inUpdate, this.keyOf(inUpdate), container, true);
    }
    const inDoc = docItem(this.doc, parent);
    if (!inDoc || !(inDoc.content instanceof Y.ContentType)) return UNKNOWN;
    return this.whereIsDocType(inDoc.content.type);
  }

  /** Follow origins (or right origins) to the item that names the parent; memoised. */
  private anchorOf(item: Y.Item): Anchor | null {
    const path: Y.Item[] = [];
    let current = item;
    let result: Anchor | null;
    for (;;) {
      const known = this.anchors.get(current);
      if (known !== undefined) {
        result = known;
        break;
      }
      if (current.parent !== null) {
        result = { item: current, inDoc: false };
        break;
      }
      const neighbour = current.origin ?? current.rightOrigin;
      if (!neighbour) {
        result = null;
        break;
      }
      this.anchors.set(current, null); // a cycle resolves to "nowhere"
      path.push(current);
      const next = this.index.findItem(neighbour);
      if (next && next !== current) {
        current = next;
        continue;
      }
      const inDoc = next ? null : docItem(this.doc, neighbour);
      result = inDoc ? { item: inDoc, inDoc: true } : null;
      break;
    }
    for (const p of path) this.anchors.set(p, result);
    return result;
  }
}

/** Given the item holding a type, its key and where that item sits, say what the type is. */
function classify(holder: Y.Item, key: string | null, container: Where, isNew: boolean): Where {
  if (!(holder.content instanceof Y.ContentType)) return { kind: 'value' };
  if (container.kind === 'root' && container.name === 'cards' && key) {
    return { kind: 'card', cardId: key, isNew };
  }
  if (container.kind === 'card' && key && holder.content.type instanceof Y.Text) {
    return { kind: 'text', cardId: container.cardId, field: key };
  }
  return UNKNOWN;
}

/** The item of the server's doc at `id`, or null. */
export function docItem(doc: Y.Doc, id: Y.ID): Y.Item | null {
  if (id.clock >= Y.getState(doc.store, id.client)) return null;
  const struct = Y.getItem(doc.store, id);
  return struct instanceof Y.Item ? struct : null;
}
