/**
 * The ONE place the records module reads decision and indicator fields off the room's
 * Y.Doc, through the board's record API (`readRecord`, `recordHash` in lib/board/records.ts);
 * callers only see `RecordFacts`.
 */
import type * as Y from 'yjs';
import { cardsMap } from '../../lib/board/doc';
import { readRecord, recordHash } from '../../lib/board/records';
import type { RecordKind } from '../../lib/board/schema';
import type { Section } from '../../lib/board/sections';

/** What the records module needs to know of one board record. */
export interface RecordFacts {
  id: string;
  kind: RecordKind;
  section: Section;
  deleted: boolean;
  /** The record's main text (a card's text, a decision's proposal, an indicator's statement). */
  text: string;
  /** A decision's co-edited "Why" ('' for other kinds or when absent). */
  rationale: string;
  /** The cards a decision answers, or the priorities an indicator serves. */
  links: string[];
  /** The hash an endorsement must name for the record as it is now (adoption): every writable field. */
  hash: string;
}

const links = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** One record's facts; null when it does not exist or is malformed. */
export function readRecordFacts(doc: Y.Doc, id: string): RecordFacts | null {
  const record = readRecord(doc, id);
  if (!record) return null;
  const rationale = record.kind === 'decision' ? record.fields.rationale : '';
  return {
    id,
    kind: record.kind,
    section: record.section,
    deleted: record.deleted,
    text: record.text,
    rationale: typeof rationale === 'string' ? rationale : '',
    links: links(record.fields[record.kind === 'indicator' ? 'serves' : 'answers']),
    hash: recordHash(record),
  };
}

/** Every well-formed record of the board. */
export function readAllRecordFacts(doc: Y.Doc): RecordFacts[] {
  const out: RecordFacts[] = [];
  for (const id of cardsMap(doc).keys()) {
    const f = readRecordFacts(doc, id);
    if (f) out.push(f);
  }
  return out;
}
