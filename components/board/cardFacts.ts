/**
 * Everything a card shows about its colour and agreement, worked out from the Y.Text, the
 * roster and the server's agreement state, plus the plain-English words for it.
 */
import type * as Y from 'yjs';
import { type CharCounts, type ColourResult, cardColour } from '../../lib/attribution/colour';
import { countChars, type GroupOf } from '../../lib/attribution/countChars';
import { recordCounts } from '../../lib/attribution/recordColour';
import { readRecord, recordHash } from '../../lib/board/records';
import { textHash } from '../../lib/board/textHash';
import type { CardAgreement } from '../../lib/protocol/events';
import type { Group } from '../../lib/roles';

/** A card's colour and agreement facts. `colour` is null only while its author is unknown. */
export interface CardFacts {
  colour: ColourResult['colour'] | null;
  reason: ColourResult['reason'] | null;
  shares: ColourResult['shares'];
  counts: CharCounts;
  /** Groups with a member who agreed with the current text. */
  agreedBy: ReadonlySet<Group>;
  /** True when this person agreed with the current text. */
  youAgreed: boolean;
  /** The group that changed the card alone since both agreed, while the text differs. */
  driftedBy: Group | null;
}

/** Work out a card's facts. Characters from unknown clientIDs are never coloured by a guess. */
export function cardFacts(
  text: Y.Text,
  groupOf: GroupOf,
  creatorGroup: Group | null | undefined,
  agreement: CardAgreement | undefined,
): CardFacts {
  return factsOf(countChars(text, groupOf), textHash(text.toString()), creatorGroup, agreement);
}

/**
 * A record's facts (issue 9): its colour from the characters of all its text fields, its
 * agreement from endorsements of its current `recordHash` (wording and fields). For a plain
 * card this is exactly `cardFacts` of its text. Null when the record is not on the board.
 */
export function recordFacts(
  doc: Y.Doc,
  id: string,
  groupOf: GroupOf,
  creatorGroup: Group | null | undefined,
  agreement: CardAgreement | undefined,
): CardFacts | null {
  const record = readRecord(doc, id);
  if (!record) return null;
  return factsOf(recordCounts(doc, id, groupOf), recordHash(record), creatorGroup, agreement);
}

/** The facts from counted characters and the hash endorsements must name to count. */
export function factsOf(
  counts: CharCounts,
  hash: string,
  creatorGroup: Group | null | undefined,
  agreement: CardAgreement | undefined,
): CardFacts {
  const current = (agreement?.endorsements ?? []).filter((e) => e.textHash === hash);
  const agreedBy = new Set<Group>(current.filter((e) => e.count > 0).map((e) => e.group));
  const youAgreed = current.some((e) => e.you);
  const both = agreedBy.has('people') && agreedBy.has('system');
  const driftedBy = agreement?.driftedBy && !both ? agreement.driftedBy : null;
  const known = counts.people + counts.system;
  if (!both && known === 0 && (counts.unknown > 0 || !creatorGroup)) {
    return {
      colour: null,
      reason: null,
      shares: { people: 0, system: 0 },
      counts,
      agreedBy,
      youAgreed,
      driftedBy,
    };
  }
  const result = cardColour({ counts, creatorGroup: creatorGroup ?? null, endorsedBy: agreedBy });
  return { ...result, counts, agreedBy, youAgreed, driftedBy };
}

/** "Lived experience wrote 40%, staff 60%", or what is known so far. */
export function sharesSentence(facts: CardFacts): string {
  const { counts, shares } = facts;
  if (counts.people + counts.system + counts.unknown === 0) return 'No words yet.';
  if (counts.people + counts.system === 0) return 'We are still checking who wrote this.';
  const people = Math.round(shares.people * 100);
  const checking = counts.unknown > 0 ? ' Some new words are still being checked.' : '';
  return `Lived experience wrote ${people}%, staff ${100 - people}%.${checking}`;
}

/** "Agreed by lived experience and staff", "Agreed by staff only — waiting for …", or not yet. */
export function agreementSentence(agreedBy: ReadonlySet<Group>): string {
  const people = agreedBy.has('people');
  const system = agreedBy.has('system');
  if (people && system) return 'Agreed by lived experience and staff.';
  if (system) return 'Agreed by staff only — waiting for someone with lived experience.';
  if (people) return 'Agreed by lived experience only — waiting for someone from staff.';
  return 'No one has agreed with this wording yet.';
}

/** "Changed by staff since it was agreed". */
export function driftSentence(group: Group): string {
  return group === 'system'
    ? 'Changed by staff since it was agreed.'
    : 'Changed by people with lived experience since it was agreed.';
}

/** The agreement state in a few words, for the compact card ("Agreed by both · you too"). */
export function statusWords(facts: CardFacts): string {
  if (facts.driftedBy) {
    return facts.driftedBy === 'system'
      ? 'Changed by staff since agreed'
      : 'Changed by lived experience since agreed';
  }
  const people = facts.agreedBy.has('people');
  const system = facts.agreedBy.has('system');
  const words =
    people && system
      ? 'Agreed by both'
      : people
        ? 'Lived experience agreed'
        : system
          ? 'Staff agreed'
          : 'Not agreed yet';
  return facts.youAgreed ? `${words} · you too` : words;
}
