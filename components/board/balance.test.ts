import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCard } from '../../lib/board/doc';
import { applyFieldEdit, createRecord, readRecord, recordHash } from '../../lib/board/records';
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
      'Lived experience wrote 100%, staff 0%.',
      '2 lived experience cards, 0 staff cards and 0 joint cards.',
    ]);
  });

  it('[I70] counts every co-edited field of a decision, and colours it by all of them', () => {
    const doc = new Y.Doc();
    doc.clientID = 1;
    const id = createRecord(doc, 'decision', 'decisions', { text: 'Q?' });
    const staff = new Y.Doc();
    staff.clientID = 2;
    Y.applyUpdate(staff, Y.encodeStateAsUpdate(doc));
    applyFieldEdit(staff, id, 'options', 'Option A or option B');
    applyFieldEdit(staff, id, 'rationale', 'Cost');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(staff));
    const groupOf = (c: number) => (c === 1 ? 'people' : c === 2 ? 'system' : undefined);
    expect(computeBalance(doc, groupOf, new Map())).toEqual({
      chars: { people: 2, system: 24 },
      cards: { people: 0, system: 1, joint: 0 },
    });
    // Endorsed by both on its current record hash: joint.
    const hash = recordHash(readRecord(doc, id)!);
    const agreement = {
      cardId: id,
      endorsements: [
        { group: 'people' as const, textHash: hash, count: 1, you: false },
        { group: 'system' as const, textHash: hash, count: 1, you: false },
      ],
      driftedBy: null,
    };
    expect(computeBalance(doc, groupOf, new Map([[id, agreement]])).cards.joint).toBe(1);
  });
});
