/**
 * The Store contract for live facilitation (issue 11; migration 11): every adapter must
 * pass it. Called from `store.contract.ts`.
 */
import { describe, expect, it } from 'vitest';
import { emptyFacilitation } from '../../lib/facilitation/state';
import type { ParticipantRow, Store } from './Store';

const T0 = '2026-11-01T10:00:00.000Z';

const person = (id: string, over: Partial<ParticipantRow> = {}): ParticipantRow => ({
  id,
  workshopId: 'fw',
  inviteId: null,
  name: `Name ${id}`,
  anonymous: false,
  accessNeeds: null,
  group: 'people',
  capability: 'facilitator',
  personalToken: `personal-${id}`,
  createdAt: T0,
  removedAt: null,
  ...over,
});

/** Facilitation methods of `Store`, against a fresh store from `get`. */
export function facilitationContract(get: () => Store): void {
  describe('live facilitation (issue 11)', () => {
    const seed = (s: Store) =>
      s.createWorkshop({ id: 'fw', title: 'T', question: 'Q', createdAt: T0 }, person('f'), []);

    it('[I47] stores and replaces the facilitation state', async () => {
      const s = get();
      await seed(s);
      expect(await s.loadFacilitation('fw')).toBeNull();
      const state = emptyFacilitation();
      state.locks.cards.push('c1');
      state.timer = { durationMs: 60_000, deadline: T0, remainingMs: null, startedAt: T0 };
      await s.saveFacilitation('fw', state, T0);
      expect(await s.loadFacilitation('fw')).toEqual(state);
      state.locks.cards = [];
      await s.saveFacilitation('fw', state, T0);
      expect((await s.loadFacilitation('fw'))?.locks.cards).toEqual([]);
    });

    it('[I85] changes made at once all take effect; a refused change stores nothing', async () => {
      const s = get();
      await seed(s);
      const lock = (id: string) =>
        s.updateFacilitation(
          'fw',
          (stored) => {
            const next = stored ?? emptyFacilitation();
            next.locks.cards.push(id);
            return next;
          },
          T0,
        );
      // On Postgres these are concurrent transactions on a pool: each must start from the last.
      const ids = Array.from({ length: 24 }, (_, i) => `c${i}`);
      const stored = await Promise.all(ids.map(lock));
      expect(stored.every((x) => x !== null)).toBe(true);
      expect((await s.loadFacilitation('fw'))?.locks.cards.sort()).toEqual([...ids].sort());
      const refused = await s.updateFacilitation(
        'fw',
        (stored) => {
          if (stored) stored.locks.cards = [];
          return null;
        },
        T0,
      );
      expect(refused).toBeNull();
      expect((await s.loadFacilitation('fw'))?.locks.cards).toHaveLength(24);
    });

    it('[I51] keeps the agenda and its current step', async () => {
      const s = get();
      await seed(s);
      const state = emptyFacilitation();
      state.agenda.current = 'ideas';
      state.agenda.steps[0] = { ...state.agenda.steps[0]!, title: 'Hello', adding: [] };
      await s.saveFacilitation('fw', state, T0);
      expect((await s.loadFacilitation('fw'))?.agenda).toEqual(state.agenda);
    });

    it('changes a capability only within its workshop', async () => {
      const s = get();
      await seed(s);
      await s.addParticipant(person('c', { capability: 'contributor' }));
      expect((await s.setCapability('fw', 'c', 'facilitator'))?.capability).toBe('facilitator');
      expect(await s.setCapability('other', 'c', 'contributor')).toBeNull();
      expect((await s.getParticipant('c'))?.capability).toBe('facilitator');
    });

    it('records attendance stretches and closes the open ones', async () => {
      const s = get();
      await seed(s);
      const row = { workshopId: 'fw', participantId: 'f', leftAt: null };
      await s.openAttendance({ ...row, id: 'a1', joinedAt: T0 });
      await s.closeAttendance('a1', '2026-11-01T10:30:00.000Z');
      await s.openAttendance({ ...row, id: 'a2', joinedAt: '2026-11-01T11:00:00.000Z' });
      expect((await s.listOpenAttendance()).map((a) => a.id)).toEqual(['a2']);
      expect(await s.closeOpenAttendance('2026-11-01T11:10:00.000Z')).toBe(1);
      const list = await s.listAttendance('fw');
      expect(list.map((a) => [a.id, a.leftAt])).toEqual([
        ['a1', '2026-11-01T10:30:00.000Z'],
        ['a2', '2026-11-01T11:10:00.000Z'],
      ]);
    });

    it('records many arrivals at once, and reads many people at once, each as asked', async () => {
      // A restart's crowd: many arrivals and reads in flight at once (SQLite shares reads, I91).
      const s = get();
      await seed(s);
      for (const id of ['p1', 'p2', 'p3'])
        await s.addParticipant(person(id, { name: `Name ${id}` }));
      const ids = ['p1', 'p2', 'p3', 'f'];
      await Promise.all(
        ids.map((participantId, i) =>
          s.openAttendance({
            id: `crowd-${i}`,
            workshopId: 'fw',
            participantId,
            joinedAt: `2026-11-01T10:0${i}:00.000Z`,
            leftAt: null,
          }),
        ),
      );
      const open = await s.listOpenAttendance();
      expect(open.map((a) => [a.id, a.participantId, a.joinedAt, a.leftAt]).sort()).toEqual(
        ids.map((p, i) => [`crowd-${i}`, p, `2026-11-01T10:0${i}:00.000Z`, null]),
      );
      const people = await Promise.all([...ids, 'nobody', 'p2'].map((id) => s.getParticipant(id)));
      expect(people.map((p) => p?.id ?? null)).toEqual([...ids, null, 'p2']);
      expect(people[1]?.name).toBe('Name p2');
    });

    it('sums the characters written after a seq, per participant', async () => {
      const s = get();
      await seed(s);
      const append = (data: number, inserted: number) =>
        s.appendUpdate({
          workshopId: 'fw',
          data: Uint8Array.of(data),
          participantId: 'f',
          bindings: [],
          attributions: [{ cardId: 'c', inserted, deleted: 0 }],
          createdCards: [],
        });
      const first = await append(1, 5);
      await append(2, 7);
      expect(await s.writtenSince('fw', first)).toEqual([{ participantId: 'f', inserted: 7 }]);
      expect(await s.writtenSince('fw', 0)).toEqual([{ participantId: 'f', inserted: 12 }]);
    });
  });
}
