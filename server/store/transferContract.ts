/**
 * The Store contract for moving a workshop (issue 12, I61): every adapter exports a
 * workshop with rows in every table (records and private drafts included) to one file that validates, imports it into another
 * fresh store of its kind unchanged, refuses to overwrite, and writes nothing when a row
 * breaks a key. Called from `store.contract.ts`; SQLite → Postgres is in
 * tests/integration/workshopMove.test.ts.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emptyFacilitation } from '../../lib/facilitation/state';
import type { ParticipantRow, Store } from './Store';
import { parseWorkshopFile, TABLE_ORDER, type WorkshopFile } from './workshopFile';

const T0 = '2026-11-01T10:00:00.000Z';
const T1 = '2026-11-01T10:05:00.000Z';
const W = 'mw';

const person = (id: string, over: Partial<ParticipantRow> = {}): ParticipantRow => ({
  id,
  workshopId: W,
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

/** A card's text edit by `clientId` as a real Yjs update. */
function edit(doc: Y.Doc, clientId: number, cardId: string, text: string): Uint8Array {
  doc.clientID = clientId;
  const before = Y.encodeStateVector(doc);
  doc.transact(() => {
    const cards = doc.getMap<Y.Map<unknown>>('cards');
    let card = cards.get(cardId);
    if (!card) {
      card = new Y.Map<unknown>();
      card.set('text', new Y.Text());
      cards.set(cardId, card);
    }
    (card.get('text') as Y.Text).insert(0, text);
  });
  return Y.encodeStateAsUpdate(doc, before);
}

/** A workshop with at least one row in every table a workshop file carries. */
export async function seedEveryTable(s: Store): Promise<void> {
  await s.createWorkshop(
    { id: W, title: 'Moving', question: 'Does it all come?', createdAt: T0 },
    person('f'),
    [
      {
        id: 'mw-ip',
        workshopId: W,
        kind: 'people',
        token: 'mw-tok-p',
        createdAt: T0,
        revokedAt: null,
      },
      {
        id: 'mw-is',
        workshopId: W,
        kind: 'system',
        token: 'mw-tok-s',
        createdAt: T0,
        revokedAt: T1,
      },
    ],
  );
  await s.setInviteCap(W, 'mw-ip', 12);
  await s.addParticipant(
    person('pat', {
      inviteId: 'mw-ip',
      group: 'people',
      capability: 'contributor',
      anonymous: true,
      accessNeeds: 'Large text',
    }),
  );
  await s.setPersonalToken('pat', 'personal-pat-2', 2);
  const doc = new Y.Doc({ gc: false });
  const append = (clientId: number, who: string, cardId: string, text: string, created: boolean) =>
    s.appendUpdate({
      workshopId: W,
      data: edit(doc, clientId, cardId, text),
      participantId: who,
      bindings: [{ clientId, participantId: who, identifiable: who === 'f' }],
      attributions: [{ cardId, inserted: text.length, deleted: 0 }],
      createdCards: created ? [cardId] : [],
    });
  await append(101, 'f', 'c1', 'Shorter waits', true);
  await append(202, 'pat', 'c2', 'Kind words', true);
  await s.keepHistory(W, 2);
  await s.compact(W, Y.encodeStateAsUpdate(doc), 2);
  const seq = await append(202, 'pat', 'c1', 'Much ', false);
  await s.recordCardEvent({
    workshopId: W,
    cardId: 'c2',
    participantId: 'pat',
    action: 'delete',
    at: T0,
    identifiable: true,
  });
  await s.recordCardEvent({
    workshopId: W,
    cardId: 'c2',
    participantId: 'f',
    action: 'restore',
    at: T0,
  });
  await s.putEndorsement({
    workshopId: W,
    cardId: 'c1',
    participantId: 'pat',
    textHash: '0123456789abcdef',
    seq,
    at: T1,
  });
  await s.recordRevert({
    workshopId: W,
    seq,
    cardId: 'c1',
    participantId: 'pat',
    toSeq: 1,
    at: T1,
  });
  const round = {
    workshopId: W,
    section: 'priorities' as const,
    budget: 3,
    perCardCap: 2,
    deadline: null,
    resultsVisibility: 'live' as const,
    openedAt: T0,
    openedBy: 'f',
    closedAt: null,
    divergencePoints: 15,
    frozen: null,
  };
  const candidates = (roundId: string) => [
    {
      roundId,
      cardId: 'c1',
      text: 'Much Shorter waits',
      position: 0,
      removedAt: null,
      addedAt: null,
    },
    { roundId, cardId: 'c2', text: 'Kind words', position: 1, removedAt: null, addedAt: null },
  ];
  await s.createRound({ ...round, id: 'r1' }, candidates('r1'));
  await s.createRound({ ...round, id: 'r2', openedAt: T1 }, candidates('r2'));
  const cast = (roundId: string, who: string, cardId: string, dots: number, key: string) =>
    s.castBallot({ workshopId: W, roundId, participantId: who, cardId, dots, key, now: T1 });
  expect(await cast('r1', 'pat', 'c1', 2, 'k1')).toMatchObject({ ok: true });
  expect(await cast('r1', 'f', 'c2', 1, 'k2')).toMatchObject({ ok: true });
  expect(await cast('r1', 'pat', 'c2', 3, 'k3')).toMatchObject({ ok: false, reason: 'overCap' });
  await s.addCandidate('r1', 'c3', 'Late card', T1);
  await s.closeRound(W, 'r2', T1, {
    people: { voted: 0, eligible: 1 },
    system: { voted: 0, eligible: 1 },
  });
  await s.putSummarySettings({ workshopId: W, shareDraft: true, finalAt: null });
  const state = emptyFacilitation();
  state.locks.cards.push('c2');
  await s.saveFacilitation(W, state, T1);
  await s.openAttendance({
    id: 'mw-a1',
    workshopId: W,
    participantId: 'pat',
    joinedAt: T0,
    leftAt: null,
  });
  await s.closeAttendance('mw-a1', T1);
  await seedRecordsAndDrafts(s);
  await s.setWorkshopClosed(W, T1);
}

/** A decision with two outcomes and an action, an indicator's reading, a closure, a draft. */
async function seedRecordsAndDrafts(s: Store): Promise<void> {
  const outcome = {
    workshopId: W,
    decisionId: 'd1',
    outcome: 'deferred' as const,
    rationale: 'We need the costs first',
    againstLived: false,
    againstBecause: null,
    livedDisagreed: false,
    savedBy: 'f',
    savedAt: T0,
  };
  await s.saveOutcome(outcome);
  await s.saveOutcome({
    ...outcome,
    outcome: 'agreedWithChanges',
    againstLived: true,
    againstBecause: 'note',
    livedDisagreed: true,
    savedAt: T1,
  });
  const action = {
    id: 'mw-act1',
    workshopId: W,
    decisionId: 'd1',
    what: 'Ask for the costs',
    who: 'Fay',
    byWhen: '2026-12-01',
    status: 'notStarted' as const,
    reason: '',
    createdBy: 'f',
    createdAt: T0,
    updatedAt: T0,
  };
  expect(await s.addAction(action, 20)).toBe('ok');
  await s.updateAction(W, 'mw-act1', { status: 'dropped', reason: 'Paid already', updatedAt: T1 });
  const reading = {
    id: 'mw-read1',
    workshopId: W,
    indicatorId: 'q1',
    value: 12.5,
    date: '2026-11-01',
    note: 'Waiting weeks',
    addedBy: 'pat',
    identifiable: true,
    addedAt: T1,
  };
  expect(await s.addReading(reading, 50)).toBe('ok');
  await s.setClosure(W, 'c2', {
    workshopId: W,
    cardId: 'c2',
    reason: 'The law does not let us',
    closedBy: 'f',
    closedAt: T1,
  });
  const draft = new Y.Doc({ gc: false });
  for (const [text, at] of [
    ['A thought', T0],
    ['Another', T1],
  ] as const)
    await s.appendDraftUpdate({
      workshopId: W,
      participantId: 'pat',
      data: edit(draft, 303, `d-${text}`, text),
      cards: 1,
      at,
    });
}

/** The file without its export time, for comparing two exports. */
const content = (f: WorkshopFile | null) => {
  if (!f) throw new Error('no file');
  const { exportedAt: _, ...rest } = f;
  return rest;
};

/** Export and import of a whole workshop, against fresh stores from `get` and `open`. */
export function transferContract(get: () => Store, open: () => Promise<Store>): void {
  describe('moving a workshop (issue 12)', () => {
    it('[I61] exports every table to a file that validates, and imports it unchanged', async () => {
      const s = get();
      await seedEveryTable(s);
      const file = await s.exportWorkshop(W);
      const parsed = parseWorkshopFile(JSON.stringify(file));
      for (const t of TABLE_ORDER) expect(parsed.tables[t].length, t).toBeGreaterThan(0);
      const other = await open();
      try {
        expect(await other.importWorkshop(parsed)).toBe('ok');
        expect(content(await other.exportWorkshop(W))).toEqual(content(file));
        // And through the Store's own reads: the board, people, votes and records.
        expect(await other.loadDocument(W)).toEqual(await s.loadDocument(W));
        expect(await other.listParticipants(W)).toEqual(await s.listParticipants(W));
        expect(await other.listInvites(W)).toEqual(await s.listInvites(W));
        expect(await other.listRounds(W)).toEqual(await s.listRounds(W));
        expect(await other.listBallots('r1')).toEqual(await s.listBallots('r1'));
        expect(await other.summaryActivity(W)).toEqual(await s.summaryActivity(W));
        expect(await other.historySources(W, [1, 2, 3])).toEqual(
          await s.historySources(W, [1, 2, 3]),
        );
        expect(await other.loadRecords(W)).toEqual(await s.loadRecords(W));
        expect(await other.outcomeHistory(W, 'd1')).toEqual(await s.outcomeHistory(W, 'd1'));
        expect(await other.listDrafts(W)).toEqual(await s.listDrafts(W));
        expect(await other.loadDraft(W, 'pat')).toEqual(await s.loadDraft(W, 'pat'));
        expect(await other.lastSeq(W)).toBe(3);
        // The board goes on where it stopped: the next edit gets the next seq.
        const next = {
          workshopId: W,
          data: new Uint8Array([0, 0]),
          participantId: null,
          bindings: [],
          attributions: [],
          createdCards: [],
        };
        expect(await other.appendUpdate(next)).toBe(4);
        // A retried cast with a key from before the move is a replay, not a second vote.
        const replay = {
          workshopId: W,
          roundId: 'r1',
          participantId: 'pat',
          cardId: 'c1',
          dots: 1,
          key: 'k1',
          now: T1,
        };
        expect(await other.castBallot(replay)).toMatchObject({
          ok: true,
          dotsOnCard: 2,
          replayed: true,
        });
      } finally {
        await other.close();
      }
    });

    it('[I61] refuses to overwrite a workshop that is already there', async () => {
      const s = get();
      await seedEveryTable(s);
      const file = parseWorkshopFile(JSON.stringify(await s.exportWorkshop(W)));
      await s.updateWorkshop(W, { title: 'Changed here', question: 'Q' });
      expect(await s.importWorkshop(file)).toBe('exists');
      expect((await s.getWorkshop(W))?.title).toBe('Changed here');
      expect(await s.exportWorkshop('nobody')).toBeNull();
    });

    it('[I61] writes nothing when a row breaks a key, however late', async () => {
      const s = get();
      await seedEveryTable(s);
      const file = parseWorkshopFile(JSON.stringify(await s.exportWorkshop(W)));
      const other = await open();
      try {
        // Another workshop there already holds the reading id the file's last table uses.
        const x = person('xf', { workshopId: 'x', personalToken: 'personal-xf' });
        await other.createWorkshop({ id: 'x', title: 'X', question: 'Q', createdAt: T0 }, x, []);
        expect(TABLE_ORDER.at(-1)).toBe('readings');
        const reading = {
          id: 'mw-read1',
          workshopId: 'x',
          indicatorId: 'q',
          value: 1,
          date: '2026-11-01',
          note: '',
          addedBy: 'xf',
          identifiable: false,
          addedAt: T0,
        };
        expect(await other.addReading(reading, 50)).toBe('ok');
        await expect(other.importWorkshop(file)).rejects.toThrow();
        expect(await other.getWorkshop(W)).toBeNull();
        expect(await other.listParticipants(W)).toEqual([]);
        expect((await other.loadDocument(W)).updates).toEqual([]);
        expect(await other.listRounds(W)).toEqual([]);
        expect(await other.getInviteByToken('mw-tok-p')).toBeNull();
        expect(await other.loadRecords(W)).toEqual({
          outcomes: [],
          actions: [],
          readings: [],
          closures: [],
        });
        expect(await other.listDrafts(W)).toEqual([]);
      } finally {
        await other.close();
      }
    });
  });
}
