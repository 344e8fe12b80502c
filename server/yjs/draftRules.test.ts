import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCard } from '../../lib/board/doc';
import { DRAFT_LIMITS, draftProblem, structCount } from './draftRules';
import { emptyInspection, type Inspection } from './inspection';

const verdict = (over: Partial<Inspection>): Inspection => ({ ...emptyInspection(), ...over });

describe('draft rules (issue 11)', () => {
  const board = new Y.Doc();
  createCard(board, 'context', 'on the board', { id: 'onBoard' });
  const draft = new Y.Doc();
  const totals = { cards: 0, chars: 0, clients: new Set<number>(), doc: draft };

  it('[I56] refuses a clientID the board uses or has bound, and a card id already on the board', () => {
    const bound = new Map([[42, 'someone']]);
    expect(
      draftProblem(verdict({ newBindings: [board.clientID] }), 1, totals, board, bound),
    ).toMatchObject({ reason: 'forbidden' });
    expect(draftProblem(verdict({ newBindings: [42] }), 1, totals, board, bound)).toMatchObject({
      reason: 'forbidden',
    });
    expect(
      draftProblem(verdict({ createdCards: ['onBoard'] }), 1, totals, board, bound),
    ).toMatchObject({ reason: 'forbidden' });
    expect(
      draftProblem(verdict({ newBindings: [7], createdCards: ['fresh'] }), 3, totals, board, bound),
    ).toBeNull();
  });

  it('[I56] keeps a whole draft inside one frame: cards, characters, clientIDs and structs', () => {
    const none = new Map<number, string>();
    const full = { ...totals, cards: DRAFT_LIMITS.cards };
    expect(draftProblem(verdict({ createdCards: ['x'] }), 1, full, board, none)?.reason).toBe(
      'draftFull',
    );
    const attributions = new Map([['x', { inserted: DRAFT_LIMITS.chars + 1, deleted: 0 }]]);
    expect(draftProblem(verdict({ attributions }), 1, totals, board, none)?.reason).toBe(
      'draftFull',
    );
    const clients = new Set(Array.from({ length: DRAFT_LIMITS.clients }, (_, i) => i + 100));
    expect(
      draftProblem(verdict({ newBindings: [9] }), 1, { ...totals, clients }, board, none)?.reason,
    ).toBe('draftFull');
    expect(draftProblem(verdict({}), DRAFT_LIMITS.structs, totals, board, none)?.reason).toBe(
      'draftFull',
    );
    expect(structCount(board)).toBeGreaterThan(0);
  });
});
