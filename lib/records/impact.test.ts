import { describe, expect, it } from 'vitest';
import type { ActionView, OutcomeView, ReadingView, RecordsView } from '../protocol/recordEvents';
import { type ImpactInput, type ImpactRecord, impactOf, stillOpen } from './impact';

const rec = (id: string, over: Partial<ImpactRecord> = {}): ImpactRecord => ({
  id,
  kind: 'card',
  section: 'priorities',
  deleted: false,
  text: `Text ${id}`,
  links: [],
  ...over,
});
const decision = (id: string, links: string[], over: Partial<ImpactRecord> = {}) =>
  rec(id, { kind: 'decision', section: 'decisions', links, ...over });
const indicator = (id: string, links: string[]) =>
  rec(id, { kind: 'indicator', section: 'indicators', links });

const outcome = (decisionId: string): OutcomeView => ({
  decisionId,
  outcome: 'notPossible',
  rationale: 'No budget this year.',
  againstLived: true,
  againstBecause: 'vote',
  savedAt: '2026-11-01T10:00:00.000Z',
});
const action = (id: string, decisionId: string): ActionView => ({
  id,
  decisionId,
  what: 'Ask again next year',
  who: 'Budget holder',
  byWhen: null,
  status: 'notStarted',
  reason: '',
  updatedAt: '2026-11-01T10:00:00.000Z',
});
const reading = (id: string, date: string, addedAt = '2026-11-01T10:00:00.000Z'): ReadingView => ({
  id,
  indicatorId: 'i1',
  value: Number(id.slice(1)),
  date,
  note: '',
  addedBy: 'You',
  addedByGroup: 'people',
  addedAt,
});
const empty: RecordsView = { outcomes: [], actions: [], readings: [], closures: [] };
const input = (
  records: ImpactRecord[],
  view: Partial<RecordsView> = {},
  adopted: string[] = [],
): ImpactInput => ({
  records,
  view: { ...empty, ...view },
  adopted: new Set(adopted),
});

describe('what became of each card', () => {
  it('shows the decisions that answer a card, with their outcome and actions', () => {
    const records = [rec('p1'), rec('p2'), decision('d1', ['p1', 'p2']), decision('d2', ['p1'])];
    const got = impactOf(
      input(records, { outcomes: [outcome('d1')], actions: [action('a1', 'd1')] }),
      ['p1', 'p2'],
    );
    expect(got.map((c) => [c.cardId, c.status, c.decisions.map((d) => d.id)])).toEqual([
      ['p1', 'decided', ['d1', 'd2']],
      ['p2', 'decided', ['d1']],
    ]);
    expect(got[0]?.decisions[0]).toEqual({
      id: 'd1',
      text: 'Text d1',
      outcome: outcome('d1'),
      actions: [action('a1', 'd1')],
    });
    expect(got[0]?.decisions[1]).toMatchObject({ outcome: null, actions: [] });
  });

  it('is underway while a linked decision has no outcome or a linked indicator is not adopted', () => {
    expect(impactOf(input([rec('p1'), decision('d1', ['p1'])]), ['p1'])[0]?.status).toBe(
      'underway',
    );
    const withIndicator = [rec('p1'), indicator('i1', ['p1'])];
    expect(impactOf(input(withIndicator), ['p1'])[0]?.status).toBe('underway');
    expect(impactOf(input(withIndicator, {}, ['i1']), ['p1'])[0]?.status).toBe('decided');
  });

  it('gives an indicator its adoption and latest reading (latest date, then latest added)', () => {
    const view = {
      readings: [
        reading('r1', '2026-11-05'),
        reading('r2', '2026-11-09'),
        reading('r3', '2026-11-09', '2026-11-10T00:00:00.000Z'),
        reading('r4', '2026-11-07'),
      ],
    };
    const [card] = impactOf(input([rec('p1'), indicator('i1', ['p1'])], view, ['i1']), ['p1']);
    expect(card?.indicators).toEqual([
      { id: 'i1', text: 'Text i1', adopted: true, latest: view.readings[2] },
    ]);
  });

  it('shows a closure, or still open', () => {
    const closure = {
      cardId: 'p1',
      reason: 'The law does not allow it.',
      closedAt: '2026-11-01T10:00:00.000Z',
    };
    const got = impactOf(input([rec('p1'), rec('p2')], { closures: [closure] }), ['p1', 'p2']);
    expect(got.map((c) => [c.status, c.closure])).toEqual([
      ['closed', closure],
      ['open', null],
    ]);
  });

  it('leaves out deleted and unknown cards, and ignores deleted decisions and indicators', () => {
    const records = [
      rec('p1'),
      rec('gone', { deleted: true }),
      decision('d1', ['p1'], { deleted: true }),
    ];
    const got = impactOf(input(records, { outcomes: [outcome('d1')] }), ['gone', 'p1', 'nope']);
    expect(got.map((c) => [c.cardId, c.status, c.decisions.length])).toEqual([['p1', 'open', 0]]);
  });

  it('lists the Joint priorities nothing answers as still open, in board order', () => {
    const records = [
      rec('c1', { section: 'context' }),
      rec('p1'),
      rec('p2'),
      rec('p3'),
      rec('p4'),
      decision('d1', ['p2']),
    ];
    const closure = { cardId: 'p3', reason: 'No', closedAt: '2026-11-01T10:00:00.000Z' };
    expect(stillOpen(input(records, { closures: [closure] })).map((c) => c.cardId)).toEqual([
      'p1',
      'p4',
    ]);
  });
});
