/**
 * The summary part of the Store contract (issue 10), run against every adapter by
 * `storeContract`: settings default and persist; activity names who took part and when.
 */
import { describe, expect, it } from 'vitest';
import type { ParticipantRow, Store } from './Store';

const T0 = '2026-11-01T10:00:00.000Z';

function participant(id: string, over: Partial<ParticipantRow> = {}): ParticipantRow {
  return {
    id,
    workshopId: 's1',
    inviteId: null,
    name: `Name ${id}`,
    anonymous: false,
    accessNeeds: null,
    group: 'people',
    capability: 'contributor',
    personalToken: `personal-${id}`,
    createdAt: T0,
    removedAt: null,
    ...over,
  };
}

async function seed(store: Store): Promise<void> {
  await store.createWorkshop(
    { id: 's1', title: 'T', question: 'Q', createdAt: T0 },
    participant('f', { capability: 'facilitator', group: 'system' }),
    [],
  );
  for (const id of ['writer', 'voter', 'endorser', 'idle'])
    await store.addParticipant(participant(id));
}

/** The summary methods of the contract. */
export function summaryContract(get: () => Store): void {
  describe('summary (issue 10)', () => {
    it('settings default to a private draft and persist when changed', async () => {
      const store = get();
      await seed(store);
      expect(await store.getSummarySettings('s1')).toEqual({
        workshopId: 's1',
        shareDraft: false,
        finalAt: null,
      });
      await store.putSummarySettings({ workshopId: 's1', shareDraft: true, finalAt: null });
      await store.putSummarySettings({ workshopId: 's1', shareDraft: true, finalAt: T0 });
      expect(await store.getSummarySettings('s1')).toEqual({
        workshopId: 's1',
        shareDraft: true,
        finalAt: T0,
      });
    });

    it('activity names writers, voters and endorsers, and the latest moment', async () => {
      const store = get();
      await seed(store);
      await store.appendUpdate({
        workshopId: 's1',
        data: new Uint8Array([0, 0]),
        participantId: 'writer',
        bindings: [{ clientId: 7, participantId: 'writer' }],
        attributions: [{ cardId: 'c1', inserted: 5, deleted: 0 }],
        createdCards: ['c1'],
      });
      await store.putEndorsement({
        workshopId: 's1',
        cardId: 'c1',
        participantId: 'endorser',
        textHash: 'h',
        seq: 1,
        at: '2026-11-05T10:00:00.000Z',
      });
      await store.createRound(
        {
          id: 'r1',
          workshopId: 's1',
          section: 'priorities',
          budget: 5,
          perCardCap: 3,
          deadline: null,
          resultsVisibility: 'hidden',
          divergencePoints: 15,
          frozen: null,
          openedAt: '2026-11-03T10:00:00.000Z',
          openedBy: 'f',
          closedAt: null,
        },
        [{ roundId: 'r1', cardId: 'c1', text: 't', position: 0, removedAt: null, addedAt: null }],
      );
      await store.castBallot({
        workshopId: 's1',
        roundId: 'r1',
        participantId: 'voter',
        cardId: 'c1',
        dots: 2,
        key: 'key-1',
        now: '2026-11-03T11:00:00.000Z',
      });
      const a = await store.summaryActivity('s1');
      expect(a.writers).toEqual(['writer']);
      expect(a.voters).toEqual(['voter']);
      expect(a.endorsers).toEqual(['endorser']);
      expect(a.firstEdit).not.toBeNull();
      expect(a.lastActivity && a.lastActivity >= '2026-11-05T10:00:00.000Z').toBe(true);
    });
  });
}
