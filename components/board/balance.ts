/**
 * Board-wide balance: how much of the live writing each group did (in every co-edited field
 * of every record), and how many cards are each colour. Worked out with the same rule as
 * each card.
 */
import * as Y from 'yjs';
import type { GroupOf } from '../../lib/attribution/countChars';
import { CARD_KEYS, cardsMap } from '../../lib/board/doc';
import type { CardAgreement } from '../../lib/protocol/events';
import { cardFacts, recordFacts } from './cardFacts';

/** Characters per group and cards per colour, over live cards. */
export interface Balance {
  chars: { people: number; system: number };
  cards: { people: number; system: number; joint: number };
}

/** Work out the balance of the whole board. */
export function computeBalance(
  doc: Y.Doc,
  groupOf: GroupOf,
  agreements: ReadonlyMap<string, CardAgreement>,
): Balance {
  const out: Balance = {
    chars: { people: 0, system: 0 },
    cards: { people: 0, system: 0, joint: 0 },
  };
  for (const [id, card] of cardsMap(doc)) {
    if (!(card instanceof Y.Map) || card.get(CARD_KEYS.deleted) === true) continue;
    const text = card.get(CARD_KEYS.text);
    if (!(text instanceof Y.Text)) continue;
    const creator = groupOf(card._item?.id.client ?? 0);
    // A decision or an indicator counts every co-edited field (issue 9); a card its text.
    const facts =
      card.get(CARD_KEYS.kind) === undefined || card.get(CARD_KEYS.kind) === 'card'
        ? cardFacts(text, groupOf, creator, agreements.get(id))
        : recordFacts(doc, id, groupOf, creator, agreements.get(id));
    if (!facts) continue;
    out.chars.people += facts.counts.people;
    out.chars.system += facts.counts.system;
    if (facts.colour) out.cards[facts.colour] += 1;
  }
  return out;
}

function cards(n: number, kind: string): string {
  return `${n} ${kind} ${n === 1 ? 'card' : 'cards'}`;
}

/** The balance in words, for the strip's text. */
export function balanceSentences(balance: Balance): [string, string] {
  const { people, system } = balance.chars;
  const total = people + system;
  const share = total === 0 ? 0 : Math.round((people / total) * 100);
  const writing =
    total === 0
      ? 'Nothing has been written yet.'
      : // One line on a 390 px phone, so the board's height does not change once people write.
        `Lived experience wrote ${share}%, staff ${100 - share}%.`;
  const c = balance.cards;
  const count = `${cards(c.people, 'lived experience')}, ${cards(c.system, 'staff')} and ${cards(c.joint, 'joint')}.`;
  return [writing, count];
}
