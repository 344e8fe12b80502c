/**
 * The ONE place the records module reads decision and indicator fields off the room's
 * Y.Doc. Until h/recdoc's `readRecord` (lib/board/records.ts) is merged, it reads the card
 * Y.Map directly: `kind` (absent on a version-1 board, where the section's kind applies),
 * the `rationale` Y.Text and the `answers` / `serves` links. Swap the body for
 * `readRecord` then (and `hash` for `recordHash`); callers only see `RecordFacts`.
 */
import * as Y from 'yjs';
import { cardsMap, readCard } from '../../lib/board/doc';
import { isRecordKind, type RecordKind, SECTION_KIND } from '../../lib/board/schema';
import type { Section } from '../../lib/board/sections';
import { textHash } from '../../lib/board/textHash';

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
  /**
   * The hash an endorsement must name for the record as it is now (adoption). Today the
   * text's hash; with h/recdoc, `recordHash(readRecord(doc, id))` over every writable field.
   */
  hash: string;
}

const links = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** One record's facts; null when it does not exist or is malformed. */
export function readRecordFacts(doc: Y.Doc, id: string): RecordFacts | null {
  const card = readCard(doc, id);
  const map = cardsMap(doc).get(id);
  if (!card || !(map instanceof Y.Map)) return null;
  const stored = map.get('kind');
  const kind = isRecordKind(stored) ? stored : SECTION_KIND[card.section];
  const rationale = map.get('rationale');
  return {
    id,
    kind,
    section: card.section,
    deleted: card.deleted,
    text: card.text,
    rationale: kind === 'decision' && rationale instanceof Y.Text ? rationale.toString() : '',
    links: links(map.get(kind === 'indicator' ? 'serves' : 'answers')),
    hash: textHash(card.text),
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
