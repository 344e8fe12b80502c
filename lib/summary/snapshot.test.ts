import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTextEdit, createCard, setCardDeleted } from '../board/doc';
import { textHash } from '../board/textHash';
import { type BoardSnapshot, cardsFromSnapshot, cardsOfDoc } from './snapshot';

/** Two writers' docs synced into one board, as the room holds it. */
function board() {
  const pink = new Y.Doc();
  const blue = new Y.Doc();
  pink.clientID = 11;
  blue.clientID = 22;
  const a = createCard(pink, 'priorities', 'Phone people');
  Y.applyUpdate(blue, Y.encodeStateAsUpdate(pink));
  applyTextEdit(blue, a, 'Phone people at home', 'test');
  const b = createCard(blue, 'context', 'Beds are short');
  const gone = createCard(blue, 'context', 'Deleted');
  setCardDeleted(blue, gone, true, 'test');
  return { update: Y.encodeStateAsUpdate(blue), a, b, gone };
}

describe('cardsFromSnapshot', () => {
  it('reads live cards in board order with counts by the group of each clientID', () => {
    const { update, a, b } = board();
    const s: BoardSnapshot = {
      update,
      groups: [
        [11, 'people'],
        [22, 'system'],
      ],
      creators: [[b, null]],
      agreements: [],
    };
    const cards = cardsFromSnapshot(s);
    expect(cards.map((c) => c.id).sort()).toEqual([a, b].sort());
    const first = cards.find((c) => c.id === a);
    expect(first).toMatchObject({
      text: 'Phone people at home',
      counts: { people: 'Phone people'.length, system: ' at home'.length },
      // No recorded creator: the group of the clientID that made it.
      creatorGroup: 'people',
      endorsedBy: [],
      driftedBy: null,
    });
    // A recorded creator wins over the clientID, even when that person has no group.
    expect(cards.find((c) => c.id === b)?.creatorGroup).toBeNull();
  });

  it('counts a group as endorsing only the text the card holds now', () => {
    const { update, a } = board();
    const cards = cardsFromSnapshot({
      update,
      groups: [],
      creators: [],
      agreements: [
        {
          cardId: a,
          endorsements: [
            { group: 'people', textHash: textHash('Phone people') },
            { group: 'system', textHash: textHash('Phone people at home') },
            { group: 'system', textHash: textHash('Phone people at home') },
          ],
          driftedBy: 'system',
        },
      ],
    });
    expect(cards.find((c) => c.id === a)).toMatchObject({
      counts: { people: 0, system: 0 },
      creatorGroup: null,
      endorsedBy: ['system'],
      driftedBy: 'system',
    });
  });

  it('the worker reading a snapshot sees what the page reading the live doc sees', () => {
    const { update, a } = board();
    const live = new Y.Doc();
    Y.applyUpdate(live, update);
    const facts = {
      groups: [[11, 'people'] as [number, 'people']],
      creators: [],
      agreements: [{ cardId: a, endorsements: [], driftedBy: null }],
    };
    expect(cardsFromSnapshot({ update: Y.encodeStateAsUpdate(live), ...facts })).toEqual(
      cardsOfDoc(live, facts),
    );
  });
});
