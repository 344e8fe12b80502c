/**
 * The client API of board records (issue 9): cards, decisions and indicators, all entries of
 * the root `cards` map shaped by the one table in `schema.ts`. Every writer here reads that
 * table, as the server's inspection does, so a new field is one table entry.
 *
 * Text fields are co-edited Y.Texts created with the record; enum, date and links fields
 * are plain values replaced whole (last writer wins). The server checks every write again.
 */
import * as Y from 'yjs';
import {
  CARD_KEYS,
  type CardView,
  cardsMap,
  editText,
  insertRecord,
  kindOf,
  readCard,
} from './doc';
import {
  type FieldSpec,
  fieldsOf,
  ISO_DAY,
  type RecordKind,
  SECTION_KIND,
  textFieldsOf,
} from './schema';
import type { Section } from './sections';
import { textHash } from './textHash';

/** A plain value of a non-text field: an enum value, an ISO day, a list of record ids. */
export type FieldValue = string | string[] | null;

/** A record as the UI and the server read it: a card's view, its kind and its other fields. */
export interface RecordView extends CardView {
  /** Every field but the base ones (section, order, kind, text, deleted), by name. */
  fields: Record<string, FieldValue>;
}

/** The fields every record has; `fields` in a RecordView holds the others. */
const BASE_FIELDS: ReadonlySet<string> = new Set(Object.values(CARD_KEYS));

/** Field kinds whose content a participant writes and an endorsement covers. */
const CONTENT_KINDS: ReadonlySet<FieldSpec['kind']> = new Set(['text', 'enum', 'date', 'links']);

export interface CreateRecordInit {
  /** The first text field's words (a card's text, a decision's proposal, a statement). */
  text?: string;
  /** The kind's links field (a decision's answers, an indicator's priorities). */
  links?: string[];
  id?: string;
  index?: number;
  origin?: unknown;
}

/**
 * Create a record of `kind` in `section`, with every text field of its kind, in one
 * transaction. Throws when the section does not hold that kind or the links are not valid,
 * so the mistake shows where it is made rather than as a refused update.
 */
export function createRecord(
  doc: Y.Doc,
  kind: RecordKind,
  section: Section,
  init: CreateRecordInit = {},
): string {
  if (SECTION_KIND[section] !== kind) {
    throw new Error(
      `A ${kind} cannot go in ${section}: that section holds ${SECTION_KIND[section]}s.`,
    );
  }
  const plain: Record<string, unknown> = {};
  if (init.links !== undefined) {
    const field = linksFieldOf(kind);
    if (!field) throw new Error(`A ${kind} has no links.`);
    const problem = linksProblem(fieldsOf(kind)[field] as LinksSpec, init.links);
    if (problem) throw new Error(problem);
    if (init.links.length > 0) plain[field] = [...init.links];
  }
  return insertRecord(doc, kind, section, init.text ?? '', plain, init);
}

/** Read one record with all its fields; null when it does not exist or is malformed. */
export function readRecord(doc: Y.Doc, id: string): RecordView | null {
  const view = readCard(doc, id);
  const card = cardsMap(doc).get(id);
  if (!view || !(card instanceof Y.Map)) return null;
  const fields: Record<string, FieldValue> = {};
  for (const [name, spec] of Object.entries(fieldsOf(view.kind))) {
    if (BASE_FIELDS.has(name)) continue;
    fields[name] = fieldValue(spec, card.get(name));
  }
  return { ...view, fields };
}

function fieldValue(spec: FieldSpec, raw: unknown): FieldValue {
  switch (spec.kind) {
    case 'text':
      return raw instanceof Y.Text ? raw.toString() : '';
    case 'links':
      return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : [];
    default:
      return typeof raw === 'string' ? raw : null;
  }
}

/** The Y.Text of one text field of a record, for editors that bind to it; null if none. */
export function fieldText(doc: Y.Doc, id: string, field: string): Y.Text | null {
  const card = cardsMap(doc).get(id);
  if (!(card instanceof Y.Map)) return null;
  const kind = kindOf(card);
  if (!kind || fieldsOf(kind)[field]?.kind !== 'text') return null;
  const text = card.get(field);
  return text instanceof Y.Text ? text : null;
}

/**
 * Apply an edit of one text field as one delete and one insert around the common prefix
 * and suffix (as `applyTextEdit` does for `text`), capped at the field's `maxChars`.
 */
export function applyFieldEdit(
  doc: Y.Doc,
  id: string,
  field: string,
  next: string,
  origin: unknown = null,
): boolean {
  const text = fieldText(doc, id, field);
  const spec = specOf(doc, id, field);
  if (!text || spec?.kind !== 'text') return false;
  editText(doc, text, next, spec.maxChars, origin);
  return true;
}

/**
 * Replace an enum, date or links field whole (null clears it). False, nothing written, when
 * the record or field does not exist or the value does not fit the field; the server also
 * refuses links to records that are deleted or in the wrong section.
 */
export function setFieldValue(
  doc: Y.Doc,
  id: string,
  field: string,
  value: FieldValue,
  origin: unknown = null,
): boolean {
  const card = cardsMap(doc).get(id);
  const spec = specOf(doc, id, field);
  if (!(card instanceof Y.Map) || !spec) return false;
  if (plainProblem(spec, spec.kind === 'links' && value === null ? [] : value) !== null) {
    return false;
  }
  // A field is never deleted, only replaced: null clears an enum or a date, [] clears links.
  const next = spec.kind === 'links' ? [...((value as string[] | null) ?? [])] : value;
  if (sameValue(card.get(field), next)) return true;
  doc.transact(() => card.set(field, next), origin);
  return true;
}

/**
 * Why `value` cannot be written to a plain field, or null when it can. `null` clears an enum
 * or a date; links are cleared with an empty list. Shared by the writers here and the
 * server's inspection.
 */
export function plainProblem(spec: FieldSpec, value: unknown): string | null {
  if (value === null && (spec.kind === 'enum' || spec.kind === 'date')) return null;
  switch (spec.kind) {
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value)
        ? null
        : `Not one of ${spec.values.join(', ')}.`;
    case 'date':
      return typeof value === 'string' && isIsoDay(value) ? null : 'Not a date (YYYY-MM-DD).';
    case 'links':
      return linksProblem(spec, value);
    default:
      return `${spec.label} is not a plain field.`;
  }
}

type LinksSpec = Extract<FieldSpec, { kind: 'links' }>;

function linksProblem(spec: LinksSpec, value: unknown): string | null {
  if (!Array.isArray(value) || !value.every((x) => typeof x === 'string' && x.length > 0)) {
    return 'Links must be a list of record ids.';
  }
  if (value.length > spec.max) return `At most ${spec.max} links.`;
  if (new Set(value).size !== value.length) return 'A record is linked twice.';
  return null;
}

/** True for a real calendar day written YYYY-MM-DD. */
export function isIsoDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function sameValue(current: unknown, value: FieldValue): boolean {
  if (value === null) return current === undefined || current === null;
  if (Array.isArray(value)) {
    return (
      Array.isArray(current) &&
      current.length === value.length &&
      value.every((x, i) => current[i] === x)
    );
  }
  return current === value;
}

function specOf(doc: Y.Doc, id: string, field: string): FieldSpec | null {
  const card = cardsMap(doc).get(id);
  const kind = card instanceof Y.Map ? kindOf(card) : null;
  return (kind && fieldsOf(kind)[field]) || null;
}

/** The kind's links field, if it has one (a decision's `answers`, an indicator's `serves`). */
export function linksFieldOf(kind: RecordKind): string | null {
  for (const [name, spec] of Object.entries(fieldsOf(kind))) if (spec.kind === 'links') return name;
  return null;
}

/** The fields an endorsement covers, in table order: every text, enum, date and links field. */
export function contentFieldsOf(kind: RecordKind): string[] {
  return Object.entries(fieldsOf(kind))
    .filter(([, spec]) => CONTENT_KINDS.has(spec.kind))
    .map(([name]) => name);
}

/**
 * A 16-hex-digit hash of everything a participant wrote in a record: its text fields,
 * enums, dates and links (not its place, not `deleted`). An endorsement names what it
 * agrees with by this hash, so any change to any field ends agreement. A plain card hashes
 * its text alone, exactly as `textHash` did, so endorsements made before records stay valid.
 */
export function recordHash(view: RecordView): string {
  const names = contentFieldsOf(view.kind);
  if (names.length === 1 && names[0] === CARD_KEYS.text) return textHash(view.text);
  const values = names.map((name) => (name === CARD_KEYS.text ? view.text : view.fields[name]));
  return textHash(JSON.stringify(values));
}

/** The text fields of a record's kind (re-exported for callers of this module). */
export { textFieldsOf };
