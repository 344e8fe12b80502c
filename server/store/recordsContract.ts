/**
 * The Store contract for decision and indicator records (issue 9; migration 12): every
 * adapter must pass it. Called from `store.contract.ts`; `seedRecords` also serves the
 * deletion contract.
 */
import { describe, expect, it } from 'vitest';
import type { ActionRow, OutcomeRow, ReadingRow } from './recordRows';
import type { ParticipantRow, Store } from './Store';

const T0 = '2026-11-01T10:00:00.000Z';
const T1 = '2026-11-01T11:00:00.000Z';

const facilitator = (w: string): ParticipantRow => ({
  id: `${w}-f`,
  workshopId: w,
  inviteId: null,
  name: 'F',
  anonymous: false,
  accessNeeds: null,
  group: 'system',
  capability: 'facilitator',
  personalToken: `personal-${w}-f`,
  createdAt: T0,
  removedAt: null,
});

const outcome = (w: string, over: Partial<OutcomeRow> = {}): OutcomeRow => ({
  workshopId: w,
  decisionId: 'd1',
  outcome: 'notAgreed',
  rationale: 'Because the budget is spent.',
  againstLived: true,
  againstBecause: 'vote',
  livedDisagreed: false,
  savedBy: `${w}-f`,
  savedAt: T0,
  ...over,
});

const action = (w: string, id: string, over: Partial<ActionRow> = {}): ActionRow => ({
  id,
  workshopId: w,
  decisionId: 'd1',
  what: 'Write to the board',
  who: 'Head of service',
  byWhen: '2026-12-01',
  status: 'notStarted',
  reason: '',
  createdBy: `${w}-f`,
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

const reading = (w: string, id: string, over: Partial<ReadingRow> = {}): ReadingRow => ({
  id,
  workshopId: w,
  indicatorId: 'i1',
  value: 42.5,
  date: '2026-11-20',
  note: 'First count',
  addedBy: `${w}-f`,
  identifiable: true,
  addedAt: T0,
  ...over,
});

/** Rows of every record table for workshop `w` (which must exist). */
export async function seedRecords(store: Store, w: string): Promise<void> {
  await store.saveOutcome(outcome(w));
  expect(await store.addAction(action(w, `${w}-a1`), 20)).toBe('ok');
  expect(await store.addReading(reading(w, `${w}-r1`), 200)).toBe('ok');
  await store.setClosure(w, 'p1', {
    workshopId: w,
    cardId: 'p1',
    reason: 'Not ours',
    closedBy: `${w}-f`,
    closedAt: T0,
  });
}

/** Record methods of `Store`, against a fresh store from `get`. */
export function recordsContract(get: () => Store): void {
  describe('records (issue 9)', () => {
    const seed = (s: Store, w = 'rw') =>
      s.createWorkshop({ id: w, title: 'T', question: 'Q', createdAt: T0 }, facilitator(w), []);

    it('[I73] keeps one current outcome per decision and every earlier one in its history', async () => {
      const s = get();
      await seed(s);
      expect((await s.loadRecords('rw')).outcomes).toEqual([]);
      await s.saveOutcome(outcome('rw'));
      const second = outcome('rw', {
        outcome: 'agreed',
        rationale: '',
        againstLived: false,
        againstBecause: null,
        savedAt: T1,
      });
      await s.saveOutcome(second);
      await s.saveOutcome(outcome('rw', { decisionId: 'd2', livedDisagreed: true }));
      const { outcomes } = await s.loadRecords('rw');
      expect(outcomes).toEqual([outcome('rw', { decisionId: 'd2', livedDisagreed: true }), second]);
      expect(await s.outcomeHistory('rw', 'd1')).toEqual([outcome('rw'), second]);
      expect(await s.outcomeHistory('other', 'd1')).toEqual([]);
    });

    it('[I74] adds actions up to the cap per decision and changes their status', async () => {
      const s = get();
      await seed(s);
      expect(await s.addAction(action('rw', 'a1'), 2)).toBe('ok');
      expect(await s.addAction(action('rw', 'a2', { createdAt: T1 }), 2)).toBe('ok');
      expect(await s.addAction(action('rw', 'a3'), 2)).toBe('full');
      expect(await s.addAction(action('rw', 'a4', { decisionId: 'd2' }), 2)).toBe('ok');
      const change = { status: 'dropped' as const, reason: 'No money', updatedAt: T1 };
      expect(await s.updateAction('rw', 'a1', change)).toEqual(action('rw', 'a1', change));
      expect(await s.updateAction('other', 'a1', change)).toBeNull();
      expect(await s.updateAction('rw', 'nope', change)).toBeNull();
      const { actions } = await s.loadRecords('rw');
      expect(actions.map((a) => a.id)).toEqual(['a1', 'a4', 'a2']);
      expect(actions[0]).toEqual(action('rw', 'a1', change));
    });

    it('[I74] adds readings up to the cap per indicator, in date order, and removes them', async () => {
      const s = get();
      await seed(s);
      expect(await s.addReading(reading('rw', 'r1', { date: '2026-12-01' }), 2)).toBe('ok');
      expect(await s.addReading(reading('rw', 'r2', { value: -3, identifiable: false }), 2)).toBe(
        'ok',
      );
      expect(await s.addReading(reading('rw', 'r3'), 2)).toBe('full');
      const { readings } = await s.loadRecords('rw');
      expect(readings).toEqual([
        reading('rw', 'r2', { value: -3, identifiable: false }),
        reading('rw', 'r1', { date: '2026-12-01' }),
      ]);
      expect(await s.removeReading('other', 'r1')).toBe(false);
      expect(await s.removeReading('rw', 'r1')).toBe(true);
      expect(await s.removeReading('rw', 'r1')).toBe(false);
      expect(await s.addReading(reading('rw', 'r3'), 2)).toBe('ok');
    });

    it('closes a priority, replaces the reason, and reopens it', async () => {
      const s = get();
      await seed(s);
      const row = { workshopId: 'rw', cardId: 'p1', reason: 'A', closedBy: 'rw-f', closedAt: T0 };
      expect(await s.setClosure('rw', 'p1', row)).toBe(true);
      expect(await s.setClosure('rw', 'p1', { ...row, reason: 'B', closedAt: T1 })).toBe(true);
      expect((await s.loadRecords('rw')).closures).toEqual([{ ...row, reason: 'B', closedAt: T1 }]);
      expect(await s.setClosure('rw', 'p1', null)).toBe(true);
      expect(await s.setClosure('rw', 'p1', null)).toBe(false);
      expect((await s.loadRecords('rw')).closures).toEqual([]);
    });

    it('lists the cards a participant created or wrote in', async () => {
      const s = get();
      await seed(s);
      const append = (
        who: string,
        attributions: { cardId: string; inserted: number }[],
        cards: string[],
      ) =>
        s.appendUpdate({
          workshopId: 'rw',
          data: new Uint8Array([0, 0]),
          participantId: who,
          bindings: [],
          attributions: attributions.map((a) => ({ ...a, deleted: 0 })),
          createdCards: cards,
        });
      await append('rw-f', [{ cardId: 'c1', inserted: 5 }], ['c1']);
      await append('rw-f', [{ cardId: 'c3', inserted: 0 }], []);
      await append('rw-f', [{ cardId: 'c2', inserted: 3 }], []);
      expect(await s.cardsWrittenBy('rw', 'rw-f')).toEqual(['c1', 'c2']);
      expect(await s.cardsWrittenBy('rw', 'someone')).toEqual([]);
      expect(await s.cardsWrittenBy('other', 'rw-f')).toEqual([]);
    });

    it('keeps each workshop’s records to itself', async () => {
      const s = get();
      await seed(s, 'w1');
      await seed(s, 'w2');
      await seedRecords(s, 'w1');
      expect(await s.loadRecords('w2')).toEqual({
        outcomes: [],
        actions: [],
        readings: [],
        closures: [],
      });
      const w1 = await s.loadRecords('w1');
      expect([w1.outcomes, w1.actions, w1.readings, w1.closures].map((l) => l.length)).toEqual([
        1, 1, 1, 1,
      ]);
    });
  });
}
