/**
 * The board as the summary's worker reads it (issue 10): the room's whole Y.Doc encoded at
 * one moment, plus the few facts only the server knows (each clientID's group, each card's
 * creator, agreement records). Encoding takes a few milliseconds on the main thread;
 * reading 2,000 cards, counting every character by group and copying the result to the
 * worker took longer there (6–20 ms and 5–10 ms on an idle machine, several times that on
 * a busy one), so for downloads that pass runs in the worker from these bytes, which are
 * moved, not copied. Pure: no store, no room.
 */
import * as Y from 'yjs';
import { countChars } from '../attribution/countChars';
import { cardText, readBoard } from '../board/doc';
import { readRecord, recordHash } from '../board/records';
import { textHash } from '../board/textHash';
import type { Group } from '../roles';
import type { SummaryCardInput, SummaryInput } from './input';

/** One card's agreement records: who endorsed which text, and who alone drifted it. */
export interface CardAgreementFacts {
  cardId: string;
  endorsements: { group: Group; textHash: string }[];
  driftedBy: Group | null;
}

/** What only the server knows about a board: who wrote under which clientID, and more. */
export interface BoardFacts {
  /** The group of each bound clientID whose participant the room knows (null: no group). */
  groups: [clientId: number, group: Group | null][];
  /** The group of each card's recorded creator (null when that person has no group). */
  creators: [cardId: string, group: Group | null][];
  /** Cards with endorsements. */
  agreements: CardAgreementFacts[];
}

/** The board at one moment, with the server's facts about it. */
export interface BoardSnapshot extends BoardFacts {
  /** `Y.encodeStateAsUpdate` of the room's doc. */
  update: Uint8Array;
}

/** What the worker receives: the summary's input with the board still to be read. */
export type SummarySource = Omit<SummaryInput, 'cards'> & { board: BoardSnapshot };

/** Live cards in board order, with their counts and agreement, read from the snapshot. */
export function cardsFromSnapshot(s: BoardSnapshot): SummaryCardInput[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, s.update);
  const cards = cardsOfDoc(doc, s);
  doc.destroy();
  return cards;
}

/**
 * Live cards of `doc` in board order, with their counts and agreement: one synchronous
 * pass, so every card is read at the same moment. The summary page reads the room's own
 * doc this way; downloads read a snapshot on the render worker.
 */
export function cardsOfDoc(doc: Y.Doc, s: BoardFacts): SummaryCardInput[] {
  const groups = new Map(s.groups);
  const creators = new Map(s.creators);
  const agreements = new Map(s.agreements.map((a) => [a.cardId, a]));
  const groupOf = (clientId: number) => groups.get(clientId);
  const out: SummaryCardInput[] = [];
  for (const card of readBoard(doc)) {
    if (card.deleted) continue;
    const text = cardText(doc, card.id);
    const counts = text ? countChars(text, groupOf) : { people: 0, system: 0 };
    const agreement = agreements.get(card.id);
    const record = readRecord(doc, card.id);
    // Agreement is on the whole record (every writable field); a plain card's recordHash is
    // its textHash, so endorsements made before records still count.
    const hash = agreement ? (record ? recordHash(record) : textHash(card.text)) : '';
    out.push({
      id: card.id,
      section: card.section,
      text: card.text,
      counts: { people: counts.people, system: counts.system },
      creatorGroup:
        (creators.has(card.id) ? creators.get(card.id) : groupOf(card.creatorClientId)) ?? null,
      endorsedBy: [
        ...new Set(agreement?.endorsements.filter((e) => e.textHash === hash).map((e) => e.group)),
      ],
      driftedBy: agreement?.driftedBy ?? null,
      kind: record?.kind ?? 'card',
      fields: record?.fields ?? {},
    });
  }
  return out;
}

/** The summary's input from its source: the board read, everything else as it came. */
export function inputFromSource({ board, ...rest }: SummarySource): SummaryInput {
  return { ...rest, cards: cardsFromSnapshot(board) };
}
