/**
 * Colour per field of a record (issue 9, I70): each co-edited text field of a decision or an
 * indicator is coloured by the same rule as a card's text, from who wrote its live
 * characters; the record as a whole by all its text fields' characters together.
 */
import type * as Y from 'yjs';
import { readCard } from '../board/doc';
import { fieldText } from '../board/records';
import { textFieldsOf } from '../board/schema';
import type { Group } from '../roles';
import { type CharCounts, type ColourResult, cardColour } from './colour';
import { countChars, type GroupOf } from './countChars';

/** Live character counts per text field of a record, by group; empty when there is none. */
export function fieldCounts(doc: Y.Doc, id: string, groupOf: GroupOf): Map<string, CharCounts> {
  const out = new Map<string, CharCounts>();
  const kind = readCard(doc, id)?.kind;
  if (!kind) return out;
  for (const field of textFieldsOf(kind)) {
    const text = fieldText(doc, id, field);
    if (text) out.set(field, countChars(text, groupOf));
  }
  return out;
}

/** The characters of every text field of a record together. */
export function recordCounts(doc: Y.Doc, id: string, groupOf: GroupOf): CharCounts {
  const sum: CharCounts = { people: 0, system: 0, unknown: 0 };
  for (const c of fieldCounts(doc, id, groupOf).values()) {
    sum.people += c.people;
    sum.system += c.system;
    sum.unknown += c.unknown;
  }
  return sum;
}

/**
 * One text field's colour by the card rule: its own characters, the record's creator for an
 * empty field, and joint when both groups endorsed the record's current wording and fields.
 */
export function fieldColour(
  text: Y.Text,
  groupOf: GroupOf,
  creatorGroup: Group | null,
  endorsedBy: ReadonlySet<Group>,
): ColourResult {
  return cardColour({ counts: countChars(text, groupOf), creatorGroup, endorsedBy });
}
