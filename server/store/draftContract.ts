/**
 * The Store contract for private drafts (issue 11; migration 14): every adapter must pass
 * it. Called from `store.contract.ts`.
 */
import { describe, expect, it } from 'vitest';
import type { ParticipantRow, Store } from './Store';

const T0 = '2026-11-01T10:00:00.000Z';

const person = (id: string, workshopId = 'dw'): ParticipantRow => ({
  id,
  workshopId,
  inviteId: null,
  name: `Name ${id}`,
  anonymous: false,
  accessNeeds: null,
  group: 'people',
  capability: 'contributor',
  personalToken: `personal-${id}`,
  createdAt: T0,
  removedAt: null,
});

const draft = (participantId: string, byte: number, cards = 0, workshopId = 'dw') => ({
  workshopId,
  participantId,
  data: Uint8Array.of(byte, byte + 1),
  cards,
  at: T0,
});

/** Draft methods of `Store`, against a fresh store from `get`. */
export function draftContract(get: () => Store): void {
  describe('private drafts (issue 11)', () => {
    const seed = async (s: Store) => {
      await s.createWorkshop(
        { id: 'dw', title: 'T', question: 'Q', createdAt: T0 },
        person('a'),
        [],
      );
      await s.addParticipant(person('b'));
    };

    it('[I56] appends per person with increasing seqs and loads them back in order', async () => {
      const s = get();
      await seed(s);
      expect(await s.appendDraftUpdate(draft('a', 1, 1))).toBe(1);
      expect(await s.appendDraftUpdate(draft('b', 9, 2))).toBe(1);
      expect(await s.appendDraftUpdate(draft('a', 3))).toBe(2);
      const a = await s.loadDraft('dw', 'a');
      expect(a.map((u) => u.seq)).toEqual([1, 2]);
      expect(a.map((u) => [...u.data])).toEqual([
        [1, 2],
        [3, 4],
      ]);
      expect(await s.loadDraft('dw', 'nobody')).toEqual([]);
      expect(await s.listDrafts('dw')).toEqual([
        { participantId: 'a', cards: 1, lastSeq: 2 },
        { participantId: 'b', cards: 2, lastSeq: 1 },
      ]);
    });

    it('[I58] clears only up to the seq it was given, so a later write survives a reveal', async () => {
      const s = get();
      await seed(s);
      await s.appendDraftUpdate(draft('a', 1, 1));
      await s.appendDraftUpdate(draft('a', 3, 1));
      await s.clearDraft('dw', 'a', 1);
      expect((await s.loadDraft('dw', 'a')).map((u) => u.seq)).toEqual([2]);
      expect(await s.listDrafts('dw')).toEqual([{ participantId: 'a', cards: 1, lastSeq: 2 }]);
      await s.clearDraft('dw', 'a', 2);
      expect(await s.listDrafts('dw')).toEqual([]);
      await s.appendDraftUpdate(draft('a', 5, 1));
      expect((await s.loadDraft('dw', 'a')).map((u) => [...u.data])).toEqual([[5, 6]]);
    });

    it('refuses a draft for an unknown workshop or person, and deleting the workshop drops drafts', async () => {
      const s = get();
      await seed(s);
      await expect(s.appendDraftUpdate(draft('ghost', 1))).rejects.toThrow();
      await s.appendDraftUpdate(draft('a', 1, 1));
      expect(await s.deleteWorkshop('dw')).toBe(true);
      expect(await s.listDrafts('dw')).toEqual([]);
      expect(await s.loadDraft('dw', 'a')).toEqual([]);
    });
  });
}
