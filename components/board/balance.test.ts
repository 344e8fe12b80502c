import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCard } from '../../lib/board/doc';
import { balanceSentences, computeBalance } from './balance';

describe('computeBalance', () => {
  it('adds up shares and card colours over live cards', () => {
    const doc = new Y.Doc();
    doc.clientID = 1;
    createCard(doc, 'context', 'abc');
    createCard(doc, 'priorities', '');
    const balance = computeBalance(doc, (id) => (id === 1 ? 'people' : undefined), new Map());
    expect(balance).toEqual({
      chars: { people: 3, system: 0 },
      cards: { people: 2, system: 0, joint: 0 },
    });
    expect(balanceSentences(balance)).toEqual([
      'Lived experience wrote 100% of the text on the board, staff 0%.',
      '2 lived experience cards, 0 staff cards and 0 joint cards.',
    ]);
  });
});
