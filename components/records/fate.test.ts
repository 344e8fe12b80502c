import { describe, expect, it } from 'vitest';
import type { ActionView, OutcomeView } from '../../lib/protocol/recordEvents';
import { actionWords, againstSentence, fateOf, NO_RECORDS, quote } from './fate';

const outcome: OutcomeView = {
  decisionId: 'd1',
  outcome: 'notAgreed',
  rationale: 'the budget is fixed this year.',
  againstLived: true,
  againstBecause: 'vote',
  savedAt: '2026-12-01T10:00:00Z',
};
const action: ActionView = {
  id: 'a1',
  decisionId: 'd1',
  what: 'Write to everyone',
  who: 'Service manager',
  byWhen: '2027-01-31',
  status: 'dropped',
  reason: 'Done another way',
  updatedAt: '2026-12-01T10:00:00Z',
};

describe('fateOf', () => {
  it('is open while nothing answers the card and nobody closed it', () => {
    expect(fateOf('p1', [], NO_RECORDS).open).toBe(true);
  });

  it('collects linked decisions with their outcome and actions, and linked indicators', () => {
    const fate = fateOf(
      'p1',
      [
        { id: 'd1', kind: 'decision', text: 'Open on Saturdays' },
        { id: 'i1', kind: 'indicator', text: 'People wait less' },
      ],
      { ...NO_RECORDS, outcomes: [outcome], actions: [action, { ...action, decisionId: 'd2' }] },
    );
    expect(fate.open).toBe(false);
    expect(fate.decisions).toEqual([
      { id: 'd1', text: 'Open on Saturdays', outcome, actions: [action] },
    ]);
    expect(fate.indicators.map((i) => i.id)).toEqual(['i1']);
  });

  it('says why a closed card was not possible', () => {
    const fate = fateOf('p1', [], {
      ...NO_RECORDS,
      closures: [{ cardId: 'p1', reason: 'the law does not allow it', closedAt: '' }],
    });
    expect(fate.open).toBe(false);
    expect(fate.closedBecause).toBe('the law does not allow it');
  });
});

describe('words', () => {
  it('reads an action, a decision against lived experience, and a long quote', () => {
    expect(actionWords(action)).toBe(
      'Write to everyone — Service manager, by 2027-01-31 (Dropped: Done another way)',
    );
    expect(againstSentence(outcome)).toBe(
      'This goes against what people with lived experience asked for, because the budget is fixed this year.',
    );
    expect(quote('  ')).toBe('Not written yet');
    expect(quote('a'.repeat(100), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});
