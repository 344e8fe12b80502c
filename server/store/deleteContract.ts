/**
 * Deleting a workshop, checked on every adapter (issue 8 §7, invariant I30): after
 * `deleteWorkshop` nothing of it can be read back through any Store method, in any area:
 * the board, card events, endorsements, voting, card history and restores (issue 13) and
 * the summary settings (issue 10) and records (issue 9), while a second workshop keeps all of its own.
 * Called from `store.contract.ts`; a new area with workshop rows adds a line to both lists.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seedRecords } from './recordsContract';
import type { ParticipantRow, Store } from './Store';

const T0 = '2026-11-01T10:00:00.000Z';

function person(w: string, id: string, over: Partial<ParticipantRow> = {}): ParticipantRow {
  return {
    id: `${w}-${id}`,
    workshopId: w,
    inviteId: null,
    name: id,
    anonymous: false,
    accessNeeds: null,
    group: 'people',
    capability: 'contributor',
    personalToken: `personal-${w}-${id}`,
    createdAt: T0,
    removedAt: null,
    ...over,
  };
}

/** A workshop with rows in every area the Store holds. */
async function seedEverything(store: Store, w: string): Promise<void> {
  const invite = { id: `${w}-i`, workshopId: w, kind: 'people' as const, createdAt: T0 };
  await store.createWorkshop(
    { id: w, title: 'T', question: 'Q', createdAt: T0 },
    person(w, 'f', { capability: 'facilitator', group: 'system' }),
    [{ ...invite, token: `tok-${w}`, revokedAt: null }],
  );
  await store.addParticipant(person(w, 'pat', { inviteId: invite.id }));
  const pat = `${w}-pat`;
  const doc = new Y.Doc();
  doc.clientID = 21;
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  doc.getText('t').insert(0, 'hello');
  doc.getText('t').insert(5, '!');
  for (const u of updates)
    await store.appendUpdate({
      workshopId: w,
      data: u,
      participantId: pat,
      bindings: [{ clientId: 21, participantId: pat }],
      attributions: [{ cardId: 'c1', inserted: 1, deleted: 0 }],
      createdCards: ['c1'],
    });
  await store.keepHistory(w, 1);
  await store.compact(w, Y.encodeStateAsUpdate(doc), 1);
  await store.recordCardEvent({
    workshopId: w,
    cardId: 'c1',
    participantId: pat,
    action: 'delete',
    at: T0,
  });
  await store.putEndorsement({
    workshopId: w,
    cardId: 'c1',
    participantId: pat,
    textHash: 'h',
    seq: 2,
    at: T0,
  });
  await store.recordRevert({
    workshopId: w,
    seq: 2,
    cardId: 'c1',
    participantId: pat,
    toSeq: 1,
    at: T0,
  });
  await store.putSummarySettings({ workshopId: w, shareDraft: true, finalAt: T0 });
  await store.createRound(
    {
      id: `${w}-r`,
      workshopId: w,
      section: 'priorities',
      budget: 5,
      perCardCap: 3,
      deadline: null,
      resultsVisibility: 'hidden',
      divergencePoints: 15,
      frozen: null,
      openedAt: T0,
      openedBy: `${w}-f`,
      closedAt: null,
    },
    [
      {
        roundId: `${w}-r`,
        cardId: 'c1',
        text: 'hello!',
        position: 0,
        removedAt: null,
        addedAt: null,
      },
    ],
  );
  const cast = { workshopId: w, roundId: `${w}-r`, participantId: pat, cardId: 'c1', now: T0 };
  expect(await store.castBallot({ ...cast, dots: 2, key: `${w}-k` })).toMatchObject({ ok: true });
  await seedRecords(store, w);
}

/** What every area of the Store says about workshop `w`, as plain counts and values. */
async function everythingAbout(store: Store, w: string) {
  const doc = await store.loadDocument(w);
  const round = `${w}-r`;
  const activity = await store.summaryActivity(w);
  return {
    workshop: (await store.getWorkshop(w)) !== null,
    invites: (await store.listInvites(w)).length,
    inviteByToken: (await store.getInviteByToken(`tok-${w}`)) !== null,
    participants: (await store.listParticipants(w)).length,
    personalToken: (await store.getParticipantByPersonalToken(`personal-${w}-pat`)) !== null,
    snapshot: doc.snapshot !== null,
    updates: doc.updates.length,
    bindings: doc.bindings.length,
    cardCreators: doc.cardCreators.length,
    lastSeq: await store.lastSeq(w),
    attributions: (await store.attributionsForCard(w, 'c1', 0)).length,
    cardEvents: (await store.listCardEvents(w)).length,
    endorsements: (await store.listEndorsements(w)).length,
    rounds: (await store.listRounds(w)).length,
    candidates: (await store.listCandidates(round)).length,
    ballots: (await store.listBallots(round)).length,
    ballotKeys: await store.countBallotKeys(round),
    history: (await store.historySources(w, [1, 2])).length,
    reverts: (await store.listReverts(w, 'c1')).length,
    summaryShared: (await store.getSummarySettings(w)).shareDraft,
    writers: activity.writers.length,
    ...recordCounts(await store.loadRecords(w)),
    outcomeHistory: (await store.outcomeHistory(w, 'd1')).length,
  };
}

/** The deletion part of the contract. */
export function deleteContract(get: () => Store): void {
  describe('deleting a workshop (I30)', () => {
    it('[I30] deleting a workshop removes its rows in every area (history, restores and summary settings too) and keeps every other workshop whole', async () => {
      const store = get();
      await seedEverything(store, 'd1');
      await seedEverything(store, 'd2');
      const before = await everythingAbout(store, 'd1');
      for (const [area, value] of Object.entries(before))
        expect(value, `${area} before`).toBeTruthy();

      expect(await store.deleteWorkshop('d1')).toBe(true);

      const after = await everythingAbout(store, 'd1');
      for (const [area, value] of Object.entries(after)) expect(value, area).toBeFalsy();
      expect(await everythingAbout(store, 'd2')).toEqual(before);
    });
  });
}

function recordCounts(r: Awaited<ReturnType<Store['loadRecords']>>) {
  return {
    outcomes: r.outcomes.length,
    actions: r.actions.length,
    readings: r.readings.length,
    closures: r.closures.length,
  };
}
