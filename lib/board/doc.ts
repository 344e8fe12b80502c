/**
 * The Y.Doc schema of a board and every write to it (DESIGN §3, ARCHITECTURE.md).
 *
 * Root `cards`: Y.Map<cardId, Y.Map>. Each entry is a record (issue 9): `section`, `order`
 * (a fractional index), `kind` (set at creation, never changed; absent means `card`, as on
 * a version 1 board) and one Y.Text per `text` field of its kind in `lib/board/schema.ts`,
 * all created in the creating transaction. Plain fields (enum, date, links) are values
 * replaced whole. `deleted` is written only by the server.
 * Root `meta` holds `schemaVersion` and is written only by the server.
 * No names are stored here: authorship comes from Yjs clientIDs and the server's roster.
 * The record API (other kinds, other fields) is in `records.ts`.
 */
import * as Y from 'yjs';
import { compareOrder, orderBetween } from './order';
import {
  isRecordKind,
  MAX_CARD_CHARS,
  type RecordKind,
  SECTION_KIND,
  textFieldsOf,
} from './schema';
import { isSection, type Section } from './sections';

/**
 * Bump when the shape below changes; stored in `meta.schemaVersion`. Version 2 (issue 9):
 * records carry `kind` and every text field of their kind.
 */
export const SCHEMA_VERSION = 2;

/** The base keys a record map holds; the other fields come from the schema table. */
export const CARD_KEYS = {
  section: 'section',
  order: 'order',
  text: 'text',
  kind: 'kind',
  deleted: 'deleted',
} as const;

/** Longest text a card may hold, in characters (from the schema table). */
export { MAX_CARD_CHARS };

/** A plain snapshot of one card, as the UI and the server read it. */
export interface CardView {
  id: string;
  section: Section;
  order: string;
  text: string;
  deleted: boolean;
  /** clientID of the Yjs document that created the card (resolved to a group by the roster). */
  creatorClientId: number;
  /** Which row of the schema table applies (`card` when the record holds no `kind`). */
  kind: RecordKind;
}

/** A record's kind: its `kind` value, `card` when absent (version 1), null when malformed. */
export function kindOf(card: Y.Map<unknown>): RecordKind | null {
  const kind = card.get(CARD_KEYS.kind);
  if (kind === undefined) return 'card';
  return isRecordKind(kind) ? kind : null;
}

/** The root map of cards. */
export function cardsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('cards');
}

/** The root map of server-written metadata. */
export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta');
}

/** A new random card id (URL-safe, 16 characters). */
export function newCardId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += (b % 36).toString(36);
  return `c${out}${Date.now().toString(36).slice(-3)}`;
}

/** Read one card; null when it does not exist or is malformed. */
export function readCard(doc: Y.Doc, id: string): CardView | null {
  const card = cardsMap(doc).get(id);
  return card instanceof Y.Map ? viewOf(id, card) : null;
}

function viewOf(id: string, card: Y.Map<unknown>): CardView | null {
  const section = card.get(CARD_KEYS.section);
  const order = card.get(CARD_KEYS.order);
  const text = card.get(CARD_KEYS.text);
  const kind = kindOf(card);
  if (!isSection(section) || typeof order !== 'string' || !(text instanceof Y.Text)) return null;
  if (kind === null) return null;
  return {
    id,
    section,
    order,
    text: text.toString(),
    deleted: card.get(CARD_KEYS.deleted) === true,
    creatorClientId: card._item?.id.client ?? 0,
    kind,
  };
}

/** Every well-formed card, sorted by section order then position. */
export function readBoard(doc: Y.Doc): CardView[] {
  const out: CardView[] = [];
  for (const [id, card] of cardsMap(doc)) {
    if (!(card instanceof Y.Map)) continue;
    const view = viewOf(id, card);
    if (view) out.push(view);
  }
  return out.sort(compareOrder);
}

/** The live (not deleted) cards of one section, in order. */
export function sectionCards(doc: Y.Doc, section: Section): CardView[] {
  return readBoard(doc).filter((c) => c.section === section && !c.deleted);
}

/** The live cards of one section as id and order key only (no text read), in order. */
function sectionOrders(doc: Y.Doc, section: Section): { id: string; order: string }[] {
  const out: { id: string; order: string }[] = [];
  for (const [id, card] of cardsMap(doc)) {
    if (!(card instanceof Y.Map) || card.get(CARD_KEYS.deleted) === true) continue;
    const order = card.get(CARD_KEYS.order);
    if (card.get(CARD_KEYS.section) !== section || typeof order !== 'string') continue;
    if (!(card.get(CARD_KEYS.text) instanceof Y.Text)) continue;
    out.push({ id, order });
  }
  return out.sort(compareOrder);
}

/** The Y.Text of a card, for editors that bind to it incrementally. */
export function cardText(doc: Y.Doc, id: string): Y.Text | null {
  const text = cardsMap(doc).get(id)?.get(CARD_KEYS.text);
  return text instanceof Y.Text ? text : null;
}

/** An order key that places a card at `index` among `section`'s live cards (excluding `movingId`). */
export function orderAt(doc: Y.Doc, section: Section, index: number, movingId?: string): string {
  const others = sectionOrders(doc, section).filter((c) => c.id !== movingId);
  const clamped = Math.max(0, Math.min(index, others.length));
  const before = others[clamped - 1]?.order ?? null;
  const after = others[clamped]?.order ?? null;
  if (before !== null && after !== null && before >= after) return orderBetween(before, null);
  return orderBetween(before, after);
}

/**
 * Create a record of the kind `section` holds (a card in Context or Joint priorities, a
 * decision in Decisions, an indicator in Quality indicators) at the end of `section` (or at
 * `index`), in one transaction. Returns its id.
 */
export function createCard(
  doc: Y.Doc,
  section: Section,
  text = '',
  opts: { id?: string; index?: number; origin?: unknown } = {},
): string {
  return insertRecord(doc, SECTION_KIND[section], section, text, {}, opts);
}

/**
 * The one writer of a new record: `section`, `order`, `kind` and every text field of the
 * kind (empty but `text`), plus the given plain fields, all in one transaction, so no field
 * is ever created later by two people at once. Callers check kind and fields.
 */
export function insertRecord(
  doc: Y.Doc,
  kind: RecordKind,
  section: Section,
  text: string,
  plain: Readonly<Record<string, unknown>>,
  opts: { id?: string; index?: number; origin?: unknown },
): string {
  const id = opts.id ?? newCardId();
  const order = orderAt(doc, section, opts.index ?? Number.MAX_SAFE_INTEGER);
  doc.transact(() => {
    const card = new Y.Map<unknown>();
    card.set(CARD_KEYS.section, section);
    card.set(CARD_KEYS.order, order);
    card.set(CARD_KEYS.kind, kind);
    for (const field of textFieldsOf(kind)) {
      card.set(field, new Y.Text(field === CARD_KEYS.text ? text.slice(0, MAX_CARD_CHARS) : ''));
    }
    for (const [field, value] of Object.entries(plain)) card.set(field, value);
    cardsMap(doc).set(id, card);
  }, opts.origin ?? null);
  return id;
}

/**
 * Move a card to `index` within `section`. Only `section` and `order` change: the text is
 * never re-created, so its authorship (and colour) survives the move. A record never leaves
 * the sections of its kind (false, nothing written).
 */
export function moveCard(
  doc: Y.Doc,
  id: string,
  section: Section,
  index: number,
  origin: unknown = null,
): boolean {
  const card = cardsMap(doc).get(id);
  if (!(card instanceof Y.Map) || kindOf(card) !== SECTION_KIND[section]) return false;
  const order = orderAt(doc, section, index, id);
  doc.transact(() => {
    if (card.get(CARD_KEYS.section) !== section) card.set(CARD_KEYS.section, section);
    card.set(CARD_KEYS.order, order);
  }, origin);
  return true;
}

/**
 * Apply an edit from a plain text field to the card's Y.Text as one delete and one insert
 * around the common prefix and suffix, never by replacing the whole text.
 */
export function applyTextEdit(
  doc: Y.Doc,
  id: string,
  next: string,
  origin: unknown = null,
): boolean {
  const text = cardText(doc, id);
  if (!text) return false;
  editText(doc, text, next, MAX_CARD_CHARS, origin);
  return true;
}

/**
 * Turn `text` into `next` by one delete and one insert around the common prefix and suffix
 * (so concurrent edits elsewhere and everyone's authorship survive), keeping at most `max`
 * characters. Shared by every co-edited field.
 */
export function editText(
  doc: Y.Doc,
  text: Y.Text,
  next: string,
  max: number,
  origin: unknown,
): void {
  const prev = text.toString();
  if (prev === next) return;
  let start = 0;
  while (start < prev.length && start < next.length && prev[start] === next[start]) start++;
  // Never split a surrogate pair: Yjs turns both halves of a split pair into U+FFFD.
  if (start > 0 && isHighSurrogate(prev.charCodeAt(start - 1))) start--;
  let endPrev = prev.length;
  let endNext = next.length;
  while (endPrev > start && endNext > start && prev[endPrev - 1] === next[endNext - 1]) {
    endPrev--;
    endNext--;
  }
  if (endPrev < prev.length && isLowSurrogate(prev.charCodeAt(endPrev))) {
    endPrev++;
    endNext++;
  }
  const room = max - (prev.length - (endPrev - start));
  const inserted = next.slice(start, endNext).slice(0, Math.max(0, room));
  doc.transact(() => {
    if (endPrev > start) text.delete(start, endPrev - start);
    if (inserted) text.insert(start, inserted);
  }, origin);
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Server only: mark a card deleted or restore it. The text is kept either way. */
export function setCardDeleted(doc: Y.Doc, id: string, deleted: boolean, origin: unknown): boolean {
  const card = cardsMap(doc).get(id);
  if (!(card instanceof Y.Map)) return false;
  doc.transact(() => card.set(CARD_KEYS.deleted, deleted), origin);
  return true;
}

/** Server only: stamp a new board with its schema version. */
export function initBoard(doc: Y.Doc, origin: unknown): void {
  if (metaMap(doc).get('schemaVersion') === SCHEMA_VERSION) return;
  doc.transact(() => metaMap(doc).set('schemaVersion', SCHEMA_VERSION), origin);
}

/** Server only: give cards new order keys in one transaction (section, text and state untouched). */
export function setOrderKeys(doc: Y.Doc, keys: ReadonlyMap<string, string>, origin: unknown): void {
  doc.transact(() => {
    for (const [id, order] of keys) cardsMap(doc).get(id)?.set(CARD_KEYS.order, order);
  }, origin);
}
