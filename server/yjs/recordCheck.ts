/**
 * The record half of the update inspection (issue 9, invariants I67–I69): every value an
 * update writes under a record's keys, and every character of its text fields, checked
 * against the one table in `lib/board/schema.ts`, by the record's kind and the sender's
 * capability. Runs after the item and delete passes, once per record touched, so the cost
 * stays linear in the update (links cost one map lookup per id, at most `max` per value).
 */
import * as Y from 'yjs';
import { CARD_KEYS, kindOf } from '../../lib/board/doc';
import { ORDER_KEY } from '../../lib/board/order';
import { plainProblem } from '../../lib/board/records';
import {
  type FieldSpec,
  fieldsOf,
  isRecordKind,
  RECORD_SCHEMA,
  type RecordKind,
  SECTION_KIND,
  textFieldsOf,
} from '../../lib/board/schema';
import { isSection } from '../../lib/board/sections';
import { bumpField, type RecordWrite, type Written } from './inspection';

/** What the record check needs of the sender. */
export interface Sender {
  /** True for facilitators and co-facilitators (`session:facilitate`). */
  facilitates: boolean;
}

/**
 * Keys whose value may be deleted as it is replaced in the same update (last writer wins):
 * a record's place and its plain fields, in any kind. Text fields and `kind` never are.
 */
export const REPLACEABLE_KEYS: ReadonlySet<string> = new Set(
  Object.values(RECORD_SCHEMA).flatMap((fields) =>
    Object.entries(fields as Record<string, FieldSpec>)
      .filter(([, spec]) => ['section', 'order', 'enum', 'date', 'links'].includes(spec.kind))
      .map(([name]) => name),
  ),
);

/** What the inspection refuses only after its structural checks (see inspectUpdate.ts). */
export interface Deferred {
  /** A new record missing a field it must hold. */
  incomplete: string | null;
}

/** Each record's kind, resolved once per inspection. */
export class Kinds {
  private readonly known = new Map<string, RecordKind>();
  constructor(
    private readonly doc: Y.Doc,
    private readonly written: Written,
  ) {}

  /** The record's kind, or the problem when it has none. */
  of(cardId: string): RecordKind | string {
    const known = this.known.get(cardId);
    if (known) return known;
    const kind = resolveKind(this.doc, cardId, this.written.records.get(cardId));
    if (isRecordKind(kind)) this.known.set(cardId, kind);
    return kind;
  }
}

/**
 * Null when every value the update writes under a record's keys fits the table (by kind,
 * field and the sender's role). A new record missing its place or a text field is noted
 * in `deferred`.
 */
export function valuesProblem(
  doc: Y.Doc,
  written: Written,
  kinds: Kinds,
  sender: Sender,
  deferred: Deferred,
): string | null {
  for (const [cardId, write] of written.records) {
    const kind = kinds.of(cardId);
    if (!isRecordKind(kind)) return kind;
    const problem = writeProblem(doc, cardId, kind, write, written, sender);
    if (problem) return problem;
    if (write.isNew && !deferred.incomplete) deferred.incomplete = missingField(kind, write);
  }
  return null;
}

/** The first field a new record must hold and does not, as a problem, or null. */
function missingField(kind: RecordKind, write: RecordWrite): string | null {
  const present = new Set(write.values.map((v) => v.key));
  for (const key of [CARD_KEYS.section, CARD_KEYS.order, ...textFieldsOf(kind)]) {
    if (!present.has(key)) return `a new ${kind} must hold its "${key}" field`;
  }
  return null;
}

/**
 * After the deletes are read: null when every text field the update writes into (or deletes
 * from) is one the sender may write and stays within twice its `maxChars`.
 */
export function textProblem(
  doc: Y.Doc,
  written: Written,
  kinds: Kinds,
  sender: Sender,
): string | null {
  const kindFor = (cardId: string) => kinds.of(cardId);
  for (const [cardId, fields] of written.out.fieldAttributions) {
    const kind = kindFor(cardId);
    if (!isRecordKind(kind)) return kind;
    for (const [field, counts] of fields) {
      const spec = fieldsOf(kind)[field];
      if (!spec) return `card field "${field}" is not writable`;
      const denied = roleProblem(spec, field, sender);
      if (denied) return denied;
      if (spec.kind === 'text' && counts.inserted > 0) {
        const current = existingText(doc, cardId, field)?.length ?? 0;
        if (current + counts.inserted - counts.deleted > spec.maxChars * 2) {
          const what = field === CARD_KEYS.text ? `card ${cardId}` : `${spec.label} of ${cardId}`;
          return `${what} would be longer than ${spec.maxChars * 2} characters`;
        }
      }
    }
  }
  return null;
}

/** A record's kind: from the update for a new record (absent = card), else from the doc. */
function resolveKind(doc: Y.Doc, cardId: string, write: RecordWrite | undefined): string {
  if (write?.isNew) {
    const kindWrite = write.values.find((v) => v.key === CARD_KEYS.kind);
    if (!kindWrite) return 'card';
    const value = plainValue(kindWrite.item);
    return isRecordKind(value) ? value : 'unknown record kind';
  }
  const card = existingCard(doc, cardId);
  if (!card) return `card ${cardId} does not exist`;
  return kindOf(card) ?? `card ${cardId} has an unknown kind`;
}

function writeProblem(
  doc: Y.Doc,
  cardId: string,
  kind: RecordKind,
  write: RecordWrite,
  written: Written,
  sender: Sender,
): string | null {
  const fields = fieldsOf(kind);
  for (const { key, item } of write.values) {
    const spec = fields[key];
    if (!spec) return `card field "${key}" is not writable`;
    // Anyone who creates a record makes all its (empty) text fields, facilitators' too; the
    // characters typed into them are checked by role in textProblem.
    const problem =
      (spec.kind === 'text' ? null : roleProblem(spec, key, sender)) ??
      valueProblem(doc, cardId, kind, key, spec, item, write);
    if (problem) return problem;
    if (spec.kind === 'enum' || spec.kind === 'date' || spec.kind === 'links') {
      // A plain value replaced counts as a change by its writer (I70).
      bumpField(written.out, cardId, key, 0, 0);
    }
  }
  return null;
}

/** Observers never get here (I3); contributors may not write facilitators' fields. */
function roleProblem(spec: FieldSpec, key: string, sender: Sender): string | null {
  if (spec.write === 'server') return `card field "${key}" is not writable`;
  if (spec.write === 'facilitator' && !sender.facilitates) {
    return `only a facilitator may write "${spec.label}"`;
  }
  return null;
}

function valueProblem(
  doc: Y.Doc,
  cardId: string,
  kind: RecordKind,
  key: string,
  spec: FieldSpec,
  item: Y.Item,
  write: RecordWrite,
): string | null {
  const content = item.content;
  const superseded = content instanceof Y.ContentDeleted;
  switch (spec.kind) {
    case 'section': {
      if (superseded) return null;
      const value = plainValue(item);
      if (!isSection(value)) return 'unknown section';
      return SECTION_KIND[value] === kind ? null : `a ${kind} cannot go in ${value}`;
    }
    case 'order': {
      const value = plainValue(item);
      return superseded || (typeof value === 'string' && ORDER_KEY.test(value))
        ? null
        : 'invalid order key';
    }
    case 'kind':
      if (!write.isNew) return `the kind of card ${cardId} cannot change`;
      return superseded || plainValue(item) === kind ? null : 'a record has one kind';
    case 'text':
      if (!write.isNew) {
        return key === CARD_KEYS.text
          ? `the text of card ${cardId} cannot be replaced`
          : `the "${key}" of card ${cardId} cannot be replaced (it is made with the record)`;
      }
      return content instanceof Y.ContentType && content.type instanceof Y.Text
        ? null
        : `card ${key} must be text`;
    case 'enum':
    case 'date':
    case 'links': {
      if (superseded) return null;
      if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) {
        return `card field "${key}" must be one plain value`;
      }
      const value = content.arr[0];
      const problem = plainProblem(spec, value);
      if (problem) return `${spec.label}: ${problem}`;
      return spec.kind === 'links' ? linkProblem(doc, spec, value as string[]) : null;
    }
    default:
      return `card field "${key}" is not writable`;
  }
}

/** Each link must name a record the server has, not deleted, in one of the target sections. */
function linkProblem(
  doc: Y.Doc,
  spec: Extract<FieldSpec, { kind: 'links' }>,
  ids: readonly string[],
): string | null {
  for (const id of ids) {
    const card = existingCard(doc, id);
    if (!card) return `${spec.label}: there is no card ${id}`;
    if (card.get(CARD_KEYS.deleted) === true) return `${spec.label}: card ${id} was deleted`;
    const section = card.get(CARD_KEYS.section);
    if (!(spec.targets as readonly unknown[]).includes(section)) {
      return `${spec.label}: card ${id} is not in ${spec.targets.join(' or ')}`;
    }
  }
  return null;
}

function plainValue(item: Y.Item): unknown {
  return item.content instanceof Y.ContentAny ? item.content.arr[0] : undefined;
}

/** A record of the server's doc, without creating the `cards` root if it is missing. */
function existingCard(doc: Y.Doc, cardId: string): Y.Map<unknown> | null {
  if (!doc.share.has('cards')) return null;
  const card = doc.getMap('cards').get(cardId);
  return card instanceof Y.Map ? card : null;
}

function existingText(doc: Y.Doc, cardId: string, field: string): Y.Text | null {
  const text = existingCard(doc, cardId)?.get(field);
  return text instanceof Y.Text ? text : null;
}
