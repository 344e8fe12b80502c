/**
 * Decision and indicator records through the real server (issue 9; invariants I72–I76):
 * an outcome against what people with lived experience asked for (their side of a closed
 * vote, or the facilitator's note) needs a rationale; permissions per role; the caps on
 * actions and readings; deleted records' facts hidden and restored; everything across a
 * restart; malformed payloads answered with clear errors.
 *
 * Until h/recdoc lets clients write `kind`, `rationale` and `answers`, `setFields` writes
 * them into the server's room directly, as `recordFacts.ts` reads them (a decision is a
 * card in Decisions; its kind falls back to its section's).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cardsMap, createCard, readCard } from '../../lib/board/doc';
import { textHash } from '../../lib/board/textHash';
import { REASON_INFO } from '../../lib/protocol/reasons';
import type { RecordsView } from '../../lib/protocol/recordEvents';
import { RECORD_LIMITS } from '../../lib/protocol/recordEvents';
import { SERVER_CLIENT_ID } from '../../server/yjs/inspectUpdate';
import type { Room } from '../../server/yjs/room';
import {
  ask,
  connectY,
  createWorkshop,
  startTestServer,
  stopTestServer,
  type TestServer,
  waitFor,
  type YClient,
} from './harness';
import {
  type Client,
  cast,
  client,
  openRound,
  type Setup,
  settle,
  setupVoting,
} from './votingSetup';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await stopTestServer(server);
});

const RATIONALE_REQUIRED = REASON_INFO.rationaleRequired.message;
const WHY = 'The budget for this year is already spent.';

/** Write record fields into the server's copy of the board (stand-in for h/recdoc's writers). */
function setFields(
  room: Room,
  id: string,
  f: { rationale?: string; answers?: string[]; serves?: string[] },
) {
  room.doc.clientID = SERVER_CLIENT_ID;
  room.doc.transact(() => {
    const card = cardsMap(room.doc).get(id) as Y.Map<unknown>;
    if (f.rationale !== undefined) {
      const t = new Y.Text(f.rationale);
      card.set('rationale', t);
    }
    if (f.answers) card.set('answers', f.answers);
    if (f.serves) card.set('serves', f.serves);
  }, 'server');
}

/** Create a record in `section` through a real client and wait for the server to have it. */
async function newRecord(
  room: Room,
  y: YClient,
  section: 'decisions' | 'indicators' | 'priorities',
  text: string,
) {
  const id = createCard(y.doc, section, text);
  await waitFor('record on the server', () => readCard(room.doc, id) !== null);
  return id;
}

/** Send any event and payload, as a misbehaving client could; resolve with the answer. */
function askRaw(c: Client, event: string, payload: unknown): Promise<unknown> {
  type Untyped = { emit(e: string, p: unknown, ack: (r: unknown) => void): void };
  return new Promise((resolve) => (c.socket as unknown as Untyped).emit(event, payload, resolve));
}

const view = (c: Client) => settle<RecordsView>(c, 'records:update');
const latest = async (c: Client, where: (v: RecordsView) => boolean) =>
  settle<RecordsView>(c, 'records:update', where);

/** The voting setup plus a closed round in which pink favoured card A and staff card B. */
async function withVote(): Promise<Setup & { a: string; b: string }> {
  const s = await setupVoting(server);
  const [a, b] = s.cards as [string, string, string];
  const roundId = await openRound(s);
  expect((await cast(s.pink, roundId, a, 3)).ok).toBe(true);
  expect((await cast(s.pink2, roundId, b, 1)).ok).toBe(true);
  expect((await cast(s.blue, roundId, b, 3)).ok).toBe(true);
  expect(await ask(s.fac.socket, 'round:close', { roundId })).toEqual({ ok: true });
  await waitFor('records welcome', () =>
    s.all.every((c) => c.events.some((e) => e.event === 'records:update')),
  );
  return { ...s, a, b };
}

describe('outcomes (issue 9)', () => {
  it('[I75] refuses an outcome against a lived-experience majority without a rationale; with one, stores it and shows everyone', async () => {
    const s = await withVote();
    const d = await newRecord(s.room, s.y, 'decisions', 'Send letters in plain English');
    setFields(s.room, d, { answers: [s.a], rationale: 'too short' });
    const save = (outcome: 'notAgreed' | 'notPossible' | 'agreed' | 'deferred') =>
      ask(s.fac.socket, 'outcome:save', { decisionId: d, outcome });

    expect(await save('notAgreed')).toEqual({
      ok: false,
      reason: 'rationaleRequired',
      message: RATIONALE_REQUIRED,
    });
    expect((await save('notPossible')).ok).toBe(false);
    // Agreeing, or putting it off, does not go against them: no rationale needed.
    expect(await save('agreed')).toMatchObject({ ok: true, outcome: { againstLived: false } });
    expect(await save('deferred')).toMatchObject({ ok: true, outcome: { againstLived: false } });

    setFields(s.room, d, { rationale: WHY });
    const saved = await save('notAgreed');
    expect(saved).toMatchObject({
      ok: true,
      outcome: {
        decisionId: d,
        outcome: 'notAgreed',
        rationale: WHY,
        againstLived: true,
        againstBecause: 'vote',
      },
    });
    // The rationale is kept as it was when saved, whatever the Why box says later.
    setFields(s.room, d, { rationale: 'Changed afterwards' });
    for (const c of s.all) {
      const v = await latest(c, (x) => x.outcomes.some((o) => o.outcome === 'notAgreed'));
      expect(v.outcomes).toEqual([
        expect.objectContaining({ decisionId: d, rationale: WHY, againstLived: true }),
      ]);
    }
    const history = await server.purple.store.outcomeHistory(s.w.workshopId, d);
    expect(history.map((h) => h.outcome)).toEqual(['agreed', 'deferred', 'notAgreed']);
    s.done();
  });

  it('[I75] a refusal of what staff favoured needs no rationale', async () => {
    const s = await withVote();
    const d = await newRecord(s.room, s.y, 'decisions', 'Shorter waits');
    setFields(s.room, d, { answers: [s.b] });
    expect(
      await ask(s.fac.socket, 'outcome:save', { decisionId: d, outcome: 'notAgreed' }),
    ).toMatchObject({
      ok: true,
      outcome: { againstLived: false, againstBecause: null, rationale: '' },
    });
    s.done();
  });

  it('[I75] the facilitator’s note that people with lived experience disagreed needs a rationale too', async () => {
    const s = await withVote();
    const d = await newRecord(s.room, s.y, 'decisions', 'Close the drop-in on Fridays');
    const note = { decisionId: d, outcome: 'agreed' as const, livedDisagreed: true };
    expect(await ask(s.fac.socket, 'outcome:save', note)).toMatchObject({
      ok: false,
      reason: 'rationaleRequired',
    });
    setFields(s.room, d, { rationale: WHY });
    expect(await ask(s.fac.socket, 'outcome:save', note)).toMatchObject({
      ok: true,
      outcome: { againstLived: true, againstBecause: 'note', rationale: WHY },
    });
    s.done();
  });

  it('refuses outcomes for missing records and for records that are not decisions', async () => {
    const s = await withVote();
    expect(
      await ask(s.fac.socket, 'outcome:save', { decisionId: 'nope', outcome: 'agreed' }),
    ).toMatchObject({
      ok: false,
      reason: 'unknownCard',
      message: 'That decision no longer exists.',
    });
    expect(
      await ask(s.fac.socket, 'outcome:save', { decisionId: s.a, outcome: 'agreed' }),
    ).toMatchObject({
      ok: false,
      reason: 'wrongRecord',
    });
    s.done();
  });
});

describe('who may do what (issue 9)', () => {
  it('[I72] a contributor cannot save an outcome, add actions or close a priority, but can add a reading; an observer can do nothing', async () => {
    const s = await withVote();
    const d = await newRecord(s.room, s.y, 'decisions', 'Proposal');
    const i = await newRecord(s.room, s.y, 'indicators', 'Letters understood');
    const requests = [
      ['outcome:save', { decisionId: d, outcome: 'agreed' }],
      ['action:add', { decisionId: d, what: 'Rewrite', who: 'Comms lead', byWhen: null }],
      ['priority:close', { cardId: s.a, closed: true, reason: 'Not ours to decide' }],
    ] as const;
    for (const c of [s.pink, s.blue, s.observer])
      for (const [event, payload] of requests)
        expect(await askRaw(c, event, payload), `${event}`).toMatchObject({
          ok: false,
          reason: 'forbidden',
        });
    const reading = { indicatorId: i, value: 12, date: '2026-11-20' };
    expect(await ask(s.observer.socket, 'reading:add', reading)).toMatchObject({
      ok: false,
      reason: 'forbidden',
    });
    const added = await ask(s.pink.socket, 'reading:add', reading);
    expect(added).toMatchObject({ ok: true, reading: { addedBy: 'You', addedByGroup: 'people' } });
    const readingId = added.ok ? added.reading.id : '';
    expect(await ask(s.observer.socket, 'reading:remove', { readingId })).toMatchObject({
      reason: 'forbidden',
    });
    expect(await ask(s.blue.socket, 'reading:remove', { readingId })).toMatchObject({
      reason: 'forbidden',
    });
    // Two people with lived experience: fewer than three, so others see only the group.
    const blueView = await latest(s.blue, (v) => v.readings.length === 1);
    expect(blueView.readings[0]?.addedBy).toBe('A participant (Lived experience)');
    expect((await latest(s.pink, (v) => v.readings.length === 1)).readings[0]?.addedBy).toBe('You');
    // The person who added it may take it back.
    expect(await ask(s.pink.socket, 'reading:remove', { readingId })).toEqual({ ok: true });
    expect(await server.purple.store.loadRecords(s.w.workshopId)).toMatchObject({
      outcomes: [],
      actions: [],
      readings: [],
      closures: [],
    });
    s.done();
  });
});

describe('actions, readings and closures (issue 9)', () => {
  it('[I74] caps actions per decision; dropping one needs a reason', async () => {
    const s = await withVote();
    const d = await newRecord(s.room, s.y, 'decisions', 'Proposal');
    const add = (n: number) =>
      ask(s.fac.socket, 'action:add', {
        decisionId: d,
        what: `Step ${n}`,
        who: 'Service manager',
        byWhen: '2026-12-31',
      });
    let first = '';
    for (let n = 1; n <= RECORD_LIMITS.actionsPerDecision; n++) {
      const r = await add(n);
      expect(r.ok, `action ${n}`).toBe(true);
      if (r.ok && n === 1) first = r.action.id;
    }
    expect(await add(21)).toMatchObject({
      ok: false,
      reason: 'recordLimit',
      message: 'A decision can have at most 20 actions.',
    });
    expect(
      await ask(s.fac.socket, 'action:status', { actionId: first, status: 'dropped' }),
    ).toEqual({
      ok: false,
      reason: 'invalidInput',
      message: 'Say why the action was dropped.',
    });
    expect(
      await ask(s.fac.socket, 'action:status', {
        actionId: first,
        status: 'dropped',
        reason: 'No money left',
      }),
    ).toMatchObject({
      ok: true,
      action: { status: 'dropped', reason: 'No money left' },
    });
    expect(
      await ask(s.fac.socket, 'action:status', {
        actionId: first,
        status: 'inProgress',
        reason: 'ignored',
      }),
    ).toMatchObject({
      ok: true,
      action: { status: 'inProgress', reason: '' },
    });
    const v = await latest(
      s.pink,
      (x) => x.actions.length === 20 && x.actions[0]?.status === 'inProgress',
    );
    expect(v.actions[0]).toMatchObject({
      id: first,
      what: 'Step 1',
      who: 'Service manager',
      byWhen: '2026-12-31',
    });
    s.done();
  });

  it('[I73][I74] two facilitators adding actions at once land in order and never pass the cap', async () => {
    const s = await withVote();
    const d = await newRecord(s.room, s.y, 'decisions', 'Proposal');
    const fac2 = client(s.w.facilitator);
    await view(fac2);
    const add = (c: Client, n: number) =>
      ask(c.socket, 'action:add', { decisionId: d, what: `Step ${n}`, who: 'Lead', byWhen: null });
    const answers = await Promise.all(
      Array.from({ length: 26 }, (_, n) => add(n % 2 === 0 ? s.fac : fac2, n)),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(RECORD_LIMITS.actionsPerDecision);
    expect(answers.filter((a) => !a.ok && a.reason === 'recordLimit')).toHaveLength(6);
    expect((await server.purple.store.loadRecords(s.w.workshopId)).actions).toHaveLength(20);
    await latest(s.blue, (v) => v.actions.length === 20);
    fac2.socket.disconnect();
    s.done();
  });

  it('[I74] caps readings per indicator and takes them only on live indicators', async () => {
    const s = await withVote();
    const i = await newRecord(s.room, s.y, 'indicators', 'Letters understood');
    const d = await newRecord(s.room, s.y, 'decisions', 'Proposal');
    const store = server.purple.store;
    for (let n = 1; n < RECORD_LIMITS.readingsPerIndicator; n++)
      await store.addReading(
        {
          id: `r${n}`,
          workshopId: s.w.workshopId,
          indicatorId: i,
          value: n,
          date: '2026-11-01',
          note: '',
          addedBy: s.w.facilitator.participantId,
          identifiable: true,
          addedAt: '2026-11-01T10:00:00.000Z',
        },
        RECORD_LIMITS.readingsPerIndicator,
      );
    const reading = { indicatorId: i, value: 200, date: '2026-11-02', note: 'Last one' };
    expect((await ask(s.blue.socket, 'reading:add', reading)).ok).toBe(true);
    expect(await ask(s.blue.socket, 'reading:add', reading)).toMatchObject({
      ok: false,
      reason: 'recordLimit',
    });
    expect(await ask(s.blue.socket, 'reading:add', { ...reading, indicatorId: d })).toMatchObject({
      ok: false,
      reason: 'wrongRecord',
      message: 'Only a quality indicator can have readings.',
    });
    expect((await latest(s.fac, (v) => v.readings.length === 200)).readings.at(-1)).toMatchObject({
      value: 200,
      note: 'Last one',
    });
    s.done();
  });

  it('closes only Joint priorities cards, with a reason, and reopens them', async () => {
    const s = await withVote();
    const d = await newRecord(s.room, s.y, 'decisions', 'Proposal');
    const close = (cardId: string, reason = '') =>
      ask(s.fac.socket, 'priority:close', { cardId, closed: true, reason });
    expect(await close(s.a)).toEqual({
      ok: false,
      reason: 'invalidInput',
      message: 'Say why it is not possible before closing it.',
    });
    expect(await close(d, 'Because')).toMatchObject({ ok: false, reason: 'wrongRecord' });
    expect(await close(s.a, 'The law does not allow it.')).toEqual({ ok: true });
    expect((await latest(s.pink, (v) => v.closures.length === 1)).closures[0]).toMatchObject({
      cardId: s.a,
      reason: 'The law does not allow it.',
    });
    expect(await ask(s.fac.socket, 'priority:close', { cardId: s.a, closed: false })).toEqual({
      ok: true,
    });
    await latest(s.pink, (v) => v.closures.length === 0);
    s.done();
  });

  it('[I76] a deleted decision’s outcome and actions leave the view and come back when it is restored', async () => {
    const s = await withVote();
    const d = await newRecord(s.room, s.y, 'decisions', 'Proposal');
    expect((await ask(s.fac.socket, 'outcome:save', { decisionId: d, outcome: 'agreed' })).ok).toBe(
      true,
    );
    expect(
      (
        await ask(s.fac.socket, 'action:add', {
          decisionId: d,
          what: 'Do it',
          who: 'Lead',
          byWhen: null,
        })
      ).ok,
    ).toBe(true);
    await latest(s.pink, (v) => v.outcomes.length === 1 && v.actions.length === 1);
    expect(await ask(s.fac.socket, 'card:delete', { cardId: d })).toEqual({ ok: true });
    await latest(s.pink, (v) => v.outcomes.length === 0 && v.actions.length === 0);
    expect((await server.purple.store.loadRecords(s.w.workshopId)).outcomes).toHaveLength(1);
    expect(
      await ask(s.fac.socket, 'action:add', {
        decisionId: d,
        what: 'More',
        who: 'Lead',
        byWhen: null,
      }),
    ).toMatchObject({
      reason: 'unknownCard',
    });
    expect(await ask(s.fac.socket, 'card:restore', { cardId: d })).toEqual({ ok: true });
    await latest(s.pink, (v) => v.outcomes.length === 1 && v.actions.length === 1);
    s.done();
  });
});

describe('bad input and restarts (issue 9)', () => {
  it('answers malformed payloads with clear errors and keeps serving', async () => {
    const s = await withVote();
    const i = await newRecord(s.room, s.y, 'indicators', 'Statement');
    const bad: [string, unknown][] = [
      ['outcome:save', { decisionId: '../etc', outcome: 'agreed' }],
      ['outcome:save', { decisionId: 'x', outcome: 'maybe' }],
      ['outcome:save', null],
      ['action:add', { decisionId: 'x', what: '', who: 'Lead', byWhen: null }],
      ['action:add', { decisionId: 'x', what: 'a'.repeat(501), who: 'Lead', byWhen: null }],
      ['reading:add', { indicatorId: i, value: 'twelve', date: '2026-11-02' }],
      ['reading:add', { indicatorId: i, value: Number.NaN, date: '2026-11-02' }],
      ['reading:add', { indicatorId: i, value: 1, date: 'yesterday' }],
      ['reading:remove', {}],
      ['priority:close', { cardId: s.a, closed: 'yes' }],
    ];
    for (const [event, payload] of bad)
      expect(await askRaw(s.fac, event, payload), event).toEqual({
        ok: false,
        reason: 'invalidInput',
        message: REASON_INFO.invalidInput.message,
      });
    expect(
      (await ask(s.fac.socket, 'reading:add', { indicatorId: i, value: 1, date: '2026-11-02' })).ok,
    ).toBe(true);
    expect((await server.purple.store.loadRecords(s.w.workshopId)).readings).toHaveLength(1);
    s.done();
  });

  it('[I73] outcomes, actions, readings and closures survive a server restart', async () => {
    const dataDir = `${server.dataDir}-records`;
    const local = await startTestServer(dataDir);
    const w = await createWorkshop(local);
    const y = connectY(local, w.facilitator);
    await y.synced;
    const room = local.purple.rooms.get(w.workshopId);
    const d = await newRecord(room, y, 'decisions', 'Proposal');
    const i = await newRecord(room, y, 'indicators', 'Statement');
    const p = await newRecord(room, y, 'priorities', 'A priority');
    setFields(room, d, { rationale: WHY });
    const fac = client(w.facilitator);
    await view(fac);
    expect(
      (
        await ask(fac.socket, 'outcome:save', {
          decisionId: d,
          outcome: 'notPossible',
          livedDisagreed: true,
        })
      ).ok,
    ).toBe(true);
    expect(
      (
        await ask(fac.socket, 'action:add', {
          decisionId: d,
          what: 'Tell everyone',
          who: 'Lead',
          byWhen: null,
        })
      ).ok,
    ).toBe(true);
    expect(
      (await ask(fac.socket, 'reading:add', { indicatorId: i, value: 3.5, date: '2026-11-02' })).ok,
    ).toBe(true);
    expect(
      (await ask(fac.socket, 'priority:close', { cardId: p, closed: true, reason: 'Not ours' })).ok,
    ).toBe(true);
    const before = await latest(fac, (v) => v.closures.length === 1);
    fac.socket.close();
    y.destroy();
    await local.close();

    const again = await startTestServer(dataDir);
    const back = client({ ...w.facilitator, baseUrl: again.url });
    const after = await view(back);
    expect(after).toEqual(before);
    expect(after.outcomes[0]).toMatchObject({ rationale: WHY, againstBecause: 'note' });
    back.socket.close();
    await stopTestServer(again);
  });
});

describe('you said, we did (issue 9)', () => {
  const cookieValue = (actor: { cookie: string }) =>
    actor.cookie.slice(actor.cookie.indexOf('=') + 1);

  it('[I76] a participant’s impact shows what became of the cards they wrote; the facilitator sees what is still open', async () => {
    const s = await withVote();
    const pinkY = connectY(server, s.pink.actor);
    await pinkY.synced;
    const mine = await newRecord(s.room, pinkY, 'priorities', 'A named contact for every family');
    const d = await newRecord(s.room, s.y, 'decisions', 'Give every family a named contact');
    setFields(s.room, d, { answers: [mine, s.a] });
    expect(
      (await ask(s.fac.socket, 'outcome:save', { decisionId: d, outcome: 'agreedWithChanges' })).ok,
    ).toBe(true);
    expect(
      (
        await ask(s.fac.socket, 'action:add', {
          decisionId: d,
          what: 'Name contacts',
          who: 'Ward manager',
          byWhen: '2027-01-31',
        })
      ).ok,
    ).toBe(true);
    expect(
      (
        await ask(s.fac.socket, 'priority:close', {
          cardId: s.b,
          closed: true,
          reason: 'Not ours to decide',
        })
      ).ok,
    ).toBe(true);
    const i = await newRecord(s.room, s.y, 'indicators', 'Families know who to call');
    setFields(s.room, i, { serves: [mine] });
    // Adopted once someone from each group endorsed it as it is (the hash `recordFacts` names).
    const hash = textHash('Families know who to call');
    for (const c of [s.pink, s.blue])
      expect(await ask(c.socket, 'card:endorse', { cardId: i, textHash: hash })).toEqual({
        ok: true,
      });
    const reading = { indicatorId: i, value: 40, date: '2026-12-01' };
    expect((await ask(s.blue.socket, 'reading:add', reading)).ok).toBe(true);

    const impacts = server.purple.impacts;
    const pinkImpact = await impacts.impactFor(s.w.workshopId, cookieValue(s.pink.actor));
    expect(pinkImpact.ok && pinkImpact.value.cards).toEqual([
      expect.objectContaining({
        cardId: mine,
        status: 'decided',
        decisions: [
          expect.objectContaining({
            id: d,
            outcome: expect.objectContaining({ outcome: 'agreedWithChanges' }),
            actions: [expect.objectContaining({ what: 'Name contacts' })],
          }),
        ],
        indicators: [
          expect.objectContaining({
            id: i,
            adopted: true,
            latest: expect.objectContaining({ value: 40 }),
          }),
        ],
      }),
    ]);
    const open = await impacts.stillOpen(s.w.workshopId, cookieValue(s.w.facilitator));
    const [, , c] = s.cards as [string, string, string];
    expect(open.ok && open.value.cards.map((x) => x.cardId)).toEqual([c]);
    expect(await impacts.stillOpen(s.w.workshopId, cookieValue(s.pink.actor))).toMatchObject({
      ok: false,
      reason: 'forbidden',
    });
    expect(await impacts.impactFor(s.w.workshopId, 'forged')).toMatchObject({
      ok: false,
      reason: 'unauthenticated',
    });
    pinkY.destroy();
    s.done();
  });
});
