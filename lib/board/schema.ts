/**
 * The one declarative table of what a board record may hold (issue 9). A record is an entry
 * of the root `cards` map; its `kind` says which table row applies. The writers in
 * `lib/board/` and the server's update inspection both read this table, so a new field is
 * one entry here, not an edit to each check. Inspection tests are generated from it.
 *
 * Field kinds:
 * - `text`: a Y.Text co-edited live and coloured by who wrote it. Created empty, with the
 *   record, in the same transaction (never later: two people creating it at once would
 *   lose one of them). Plain text only, at most `maxChars` (the server allows twice that
 *   for two people typing at the limit at once).
 * - `enum`: one of `values`, a plain value replaced whole (last writer wins).
 * - `date`: an ISO day `YYYY-MM-DD` or null, replaced whole.
 * - `links`: an array of at most `max` distinct record ids, replaced whole; each must name
 *   a live (not deleted) record in one of the `targets` sections when written.
 * - `section`, `order`, `kind`: the record's place and its immutable kind.
 * - `server`: written only by the server (clientID 0), never by a participant.
 *
 * `write` says who may write a field's content: `writer` (anyone with `board:write`) or
 * `facilitator` (anyone with `session:facilitate`). Observers write nothing.
 */
import type { Section } from './sections';

export const RECORD_KINDS = ['card', 'decision', 'indicator'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Who may write a field. */
export type Writer = 'writer' | 'facilitator' | 'server';

export type FieldSpec =
  | { kind: 'text'; write: Writer; maxChars: number; label: string }
  | { kind: 'enum'; write: Writer; values: readonly string[]; label: string }
  | { kind: 'date'; write: Writer; label: string }
  | { kind: 'links'; write: Writer; targets: readonly Section[]; max: number; label: string }
  | { kind: 'section'; write: Writer; label: string }
  | { kind: 'order'; write: Writer; label: string }
  | { kind: 'kind'; write: Writer; label: string }
  | { kind: 'server'; write: 'server'; label: string };

/** How a decision is made (issue 9): the facilitator records it. */
export const DECISION_RULES = [
  'consensus',
  'consent',
  'vote',
  'budgetHolder',
  'escalated',
] as const;
export type DecisionRule = (typeof DECISION_RULES)[number];

export const DECISION_RULE_LABEL: Record<DecisionRule, string> = {
  consensus: 'Both groups agree (consensus)',
  consent: 'Nobody objects (consent)',
  vote: 'A vote of the room',
  budgetHolder: 'The budget holder decides after hearing the room',
  escalated: 'Not ours to decide: passed on to someone else',
};

/** Longest text of a card, a decision's proposal or an indicator's statement. */
export const MAX_CARD_CHARS = 2000;
/** Longest text of a shorter field (a measure, a target, a role). */
export const MAX_FIELD_CHARS = 500;
/** Most links one record may hold. */
export const MAX_LINKS = 20;

const base = {
  section: { kind: 'section', write: 'writer', label: 'Section' },
  order: { kind: 'order', write: 'writer', label: 'Position' },
  kind: { kind: 'kind', write: 'writer', label: 'Kind' },
  text: { kind: 'text', write: 'writer', maxChars: MAX_CARD_CHARS, label: 'Text' },
  deleted: { kind: 'server', write: 'server', label: 'Deleted' },
} as const satisfies Record<string, FieldSpec>;

const short = (label: string, write: Writer = 'writer') =>
  ({ kind: 'text', write, maxChars: MAX_FIELD_CHARS, label }) as const;

/**
 * The table. `text` is a card's text, a decision's question or proposal and an indicator's
 * statement, so boards made before records keep their words where they were.
 */
export const RECORD_SCHEMA = {
  card: { ...base },
  decision: {
    ...base,
    text: { ...base.text, label: 'Question or proposal' },
    options: {
      kind: 'text',
      write: 'writer',
      maxChars: MAX_CARD_CHARS,
      label: 'Options considered',
    },
    answers: {
      kind: 'links',
      write: 'writer',
      targets: ['priorities', 'context'],
      max: MAX_LINKS,
      label: 'Cards it answers',
    },
    rule: {
      kind: 'enum',
      write: 'facilitator',
      values: DECISION_RULES,
      label: 'How it is decided',
    },
    escalatedTo: short('Passed on to', 'facilitator'),
    powerHolder: short('Who holds the budget or the veto', 'facilitator'),
    outOfHands: short('What is out of the room’s hands', 'facilitator'),
    rationale: { kind: 'text', write: 'writer', maxChars: MAX_CARD_CHARS, label: 'Why' },
  },
  indicator: {
    ...base,
    text: { ...base.text, label: 'Statement' },
    measure: short('What is counted, and how'),
    target: short('Target'),
    baseline: short('Baseline: where we are now'),
    dataSource: short('Where the numbers come from'),
    owner: short('Who looks after it (a role)'),
    reviewDate: { kind: 'date', write: 'writer', label: 'Review date' },
    serves: {
      kind: 'links',
      write: 'writer',
      targets: ['priorities'],
      max: MAX_LINKS,
      label: 'Priorities it serves',
    },
  },
} as const satisfies Record<RecordKind, Record<string, FieldSpec>>;

export type FieldName<K extends RecordKind> = keyof (typeof RECORD_SCHEMA)[K] & string;

/** Which kind of record each section holds; a record never leaves its kind's sections. */
export const SECTION_KIND: Record<Section, RecordKind> = {
  context: 'card',
  priorities: 'card',
  decisions: 'decision',
  indicators: 'indicator',
};

/** The field table of a kind. */
export function fieldsOf(kind: RecordKind): Readonly<Record<string, FieldSpec>> {
  return RECORD_SCHEMA[kind];
}

/** The co-edited text fields of a kind, in table order (`text` first). */
export function textFieldsOf(kind: RecordKind): string[] {
  return Object.entries(RECORD_SCHEMA[kind])
    .filter(([, spec]) => spec.kind === 'text')
    .map(([name]) => name);
}

/** True when `value` names a record kind. */
export function isRecordKind(value: unknown): value is RecordKind {
  return typeof value === 'string' && (RECORD_KINDS as readonly string[]).includes(value);
}

/** An ISO day, as a date field holds it. */
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
