/**
 * The Store contract for people's data and links (issue 8 §4, §7; migration 5): every
 * adapter must pass it. Called from `store.contract.ts`.
 */
import { describe, expect, it } from 'vitest';
import type { InviteRow, ParticipantRow, Store } from './Store';

const T0 = '2026-11-01T10:00:00.000Z';

const invite = (id: string, over: Partial<InviteRow> = {}): InviteRow => ({
  id,
  workshopId: 'w1',
  kind: 'people',
  token: `hash-${id}`,
  createdAt: T0,
  revokedAt: null,
  ...over,
});

const person = (id: string, over: Partial<ParticipantRow> = {}): ParticipantRow => ({
  id,
  workshopId: 'w1',
  inviteId: null,
  name: `Name ${id}`,
  anonymous: false,
  accessNeeds: null,
  group: 'system',
  capability: 'facilitator',
  personalToken: `personal-${id}`,
  createdAt: T0,
  removedAt: null,
  ...over,
});

async function seed(store: Store): Promise<void> {
  await store.createWorkshop({ id: 'w1', title: 'T', question: 'Q', createdAt: T0 }, person('f'), [
    invite('i1', { tokenGen: 1 }),
  ]);
}

const pat = person('pat', {
  inviteId: 'i1',
  capability: 'contributor',
  group: 'people',
  accessNeeds: 'Large text',
});

/** People's data and links, for one adapter. */
export function peopleContract(get: () => Store): void {
  describe('people and links', () => {
    it('caps joins through a link, refuses a turned-off link, and keeps token generations', async () => {
      const store = get();
      await seed(store);
      expect((await store.getInvite('w1', 'i1'))?.tokenGen).toBe(1);
      expect(await store.setInviteCap('w1', 'i1', 1)).toBe(true);
      expect(await store.setInviteCap('w1', 'nope', 1)).toBe(false);
      expect(await store.addParticipantWithinCap(pat)).toBe('ok');
      expect(await store.addParticipantWithinCap(person('p2', { inviteId: 'i1' }))).toBe('full');
      expect((await store.listInvites('w1'))[0]).toMatchObject({ joined: 1, maxJoins: 1 });
      await store.setInviteCap('w1', 'i1', null);
      await store.revokeInvite('w1', 'i1', T0);
      expect(await store.addParticipantWithinCap(person('p3', { inviteId: 'i1' }))).toBe('revoked');
      await store.addInvite(invite('i2', { tokenGen: 1 }));
      expect((await store.listInvites('w1')).map((i) => i.id)).toEqual(['i1', 'i2']);
    });

    it('removes, erases, rotates and updates a participant', async () => {
      const store = get();
      await seed(store);
      await store.addParticipant(pat);
      expect(await store.removeParticipant('w1', 'pat', '2026-11-02T00:00:00.000Z')).toBe(true);
      expect(await store.removeParticipant('w1', 'pat', '2026-11-03T00:00:00.000Z')).toBe(true);
      expect((await store.getParticipant('pat'))?.removedAt).toBe('2026-11-02T00:00:00.000Z');
      expect(await store.removeParticipant('other', 'pat', T0)).toBe(false);
      const erased = await store.updateParticipant('pat', {
        name: 'a participant (lived experience)',
        anonymous: true,
        accessNeeds: null,
        erasedAt: T0,
      });
      expect(erased).toMatchObject({
        name: 'a participant (lived experience)',
        anonymous: true,
        accessNeeds: null,
        erasedAt: T0,
      });
      await store.setPersonalToken('pat', 'new-hash', 2);
      expect(await store.getParticipantByPersonalToken('personal-pat')).toBeNull();
      expect(await store.getParticipantByPersonalToken('new-hash')).toMatchObject({
        id: 'pat',
        tokenGen: 2,
      });
    });

    it('edits, closes and deletes a workshop; lists closed ones by time', async () => {
      const store = get();
      await seed(store);
      expect(await store.updateWorkshop('w1', { title: 'New', question: 'Why?' })).toBe(true);
      expect(await store.getWorkshop('w1')).toMatchObject({ title: 'New', question: 'Why?' });
      expect(await store.listClosedBefore('2030-01-01T00:00:00.000Z')).toEqual([]);
      expect(await store.setWorkshopClosed('w1', '2026-11-05T00:00:00.000Z')).toBe(true);
      expect(await store.listClosedBefore('2026-11-04T00:00:00.000Z')).toEqual([]);
      expect(await store.listClosedBefore('2026-11-05T00:00:00.000Z')).toEqual(['w1']);
      await store.addParticipant(pat);
      expect(await store.deleteWorkshop('w1')).toBe(true);
      expect(await store.getWorkshop('w1')).toBeNull();
      expect(await store.listParticipants('w1')).toEqual([]);
      expect(await store.getInvite('w1', 'i1')).toBeNull();
      expect(await store.deleteWorkshop('w1')).toBe(false);
    });
  });
}
