import { describe, expect, it } from 'vitest';
import type { ActionView, OutcomeView } from '../../lib/protocol/recordEvents';
import { actionWords, againstSentence, cardImpact, NO_RECORDS, quote } from './fate';

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

describe('cardImpact', () => {
  it('is open while nothing links to the card and nobody closed it', () => {
    expect(cardImpact('p1', 'priorities', [], NO_RECORDS).status).toBe('open');
  });

  it('gathers the linked decisions with their outcome and actions, and the indicators', () => {
    const impact = cardImpact(
      'p1',
      'priorities',
      [
        { id: 'd1', kind: 'decision', text: 'Open on Saturdays' },
        { id: 'i1', kind: 'indicator', text: 'People wait less' },
      ],
      { ...NO_RECORDS, outcomes: [outcome], actions: [action, { ...action, decisionId: 'd2' }] },
      new Set(['i1']),
    );
    expect(impact.status).toBe('decided');
    expect(impact.decisions).toEqual([
      { id: 'd1', text: 'Open on Saturdays', outcome, actions: [action] },
    ]);
    expect(impact.indicators).toEqual([
      { id: 'i1', text: 'People wait less', adopted: true, latest: null },
    ]);
  });

  it('says why a closed card was not possible', () => {
    const impact = cardImpact('p1', 'priorities', [], {
      ...NO_RECORDS,
      closures: [{ cardId: 'p1', reason: 'the law does not allow it', closedAt: '' }],
    });
    expect(impact.status).toBe('closed');
    expect(impact.closure?.reason).toBe('the law does not allow it');
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
    expect(againstSentence({ ...outcome, rationale: 'The NHS pays for it.' })).toMatch(
      /because the NHS pays for it\.$/,
    );
    expect(againstSentence({ ...outcome, rationale: 'NHS rules.' })).toMatch(
      /because NHS rules\.$/,
    );
    expect(quote('  ')).toBe('Not written yet');
    expect(quote('a'.repeat(100), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});
