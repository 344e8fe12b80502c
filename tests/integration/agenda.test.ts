/**
 * The agenda through the real server (issue 11; invariants I51–I54): steps close sections
 * in the update inspection for contributors but not facilitators, the step survives a
 * restart, two facilitators racing to move the step agree, and voting opens only in a
 * voting step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyTextEdit, createCard, moveCard, readCard } from '../../lib/board/doc';
import { STEP_CLOSED_CARD } from '../../lib/facilitation/agenda';
import { REASON_INFO } from '../../lib/protocol/reasons';
import {
  ask,
  type ControlClient,
  connectY,
  createWorkshop,
  join,
  startTestServer,
  stopTestServer,
  type TestServer,
  waitFor,
  watchFacilitation,
} from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await stopTestServer(server);
});

const watch = watchFacilitation;

const go = (s: ControlClient, from: string | null, to: string | null) =>
  ask(s, 'agenda:go', { from, to });

/** A workshop with a contributor and the facilitator's control socket, in step `stepId`. */
async function inStep(stepId: string) {
  const w = await createWorkshop(server);
  const pink = await join(server, w.tokens.people, { name: 'Pia' });
  const f = await watch(w.facilitator);
  expect(await go(f.socket, null, stepId)).toEqual({ ok: true });
  await waitFor('step', () => f.view?.agenda.current === stepId);
  return { w, pink, f };
}

const code = (y: ReturnType<typeof connectY>) => y.closed.then((c) => c.code);

describe('agenda steps in the update inspection (issue 11)', () => {
  it('[I52] a new card in a section closed for adding is refused for a contributor and allowed for a facilitator', async () => {
    const { w, pink, f } = await inStep('welcome');
    const fac = connectY(server, w.facilitator);
    await fac.synced;
    createCard(fac.doc, 'priorities', 'facilitator may', { id: 'fp' });
    const y = connectY(server, pink);
    await y.synced;
    await waitFor('facilitator card', () => readCard(y.doc, 'fp') !== null);
    createCard(y.doc, 'context', 'a question about money', { id: 'ok1' });
    applyTextEdit(y.doc, 'ok1', 'a question about the money');
    await waitFor('stored', () => y.acked() > 0);
    createCard(y.doc, 'priorities', 'not now', { id: 'no1' });
    // The client shows why: the whole sentence fits in the close frame.
    expect(await y.closed).toEqual({
      code: REASON_INFO.stepClosed.close,
      reason: REASON_INFO.stepClosed.message,
    });
    y.destroy();
    const check = connectY(server, w.facilitator);
    await check.synced;
    expect(readCard(check.doc, 'fp')?.text).toBe('facilitator may');
    expect(readCard(check.doc, 'ok1')?.text).toBe('a question about the money');
    expect(readCard(check.doc, 'no1')).toBeNull();
    for (const c of [fac, check]) c.destroy();
    f.socket.close();
  });

  it('[I52] editing, moving into or deleting in a section closed for editing is refused', async () => {
    const { w, pink, f } = await inStep('welcome');
    const y = connectY(server, pink);
    await y.synced;
    createCard(y.doc, 'context', 'mine', { id: 'm1' });
    await waitFor('stored', () => y.acked() > 0);
    // Into a closed section (a plain card can only go to Joint priorities, I67).
    expect(moveCard(y.doc, 'm1', 'priorities', 0)).toBe(true);
    expect(await code(y)).toBe(REASON_INFO.stepClosed.close);
    y.destroy();

    // In "Ideas", Context is closed for editing: typing in it and deleting from it are refused.
    expect(await go(f.socket, 'welcome', 'ideas')).toEqual({ ok: true });
    const pc = await watch(pink);
    await waitFor('pink sees step', () => pc.view?.agenda.current === 'ideas');
    const del = await ask(pc.socket, 'card:delete', { cardId: 'm1' });
    expect(del.ok ? 'ok' : del.reason).toBe('stepClosed');
    expect(del.ok ? '' : del.message).toBe(STEP_CLOSED_CARD);
    const y2 = connectY(server, pink);
    await y2.synced;
    applyTextEdit(y2.doc, 'm1', 'changed');
    expect(await code(y2)).toBe(REASON_INFO.stepClosed.close);
    y2.destroy();

    // Once the agenda ends the board is open again.
    expect(await go(f.socket, 'ideas', null)).toEqual({ ok: true });
    const y3 = connectY(server, pink);
    await y3.synced;
    applyTextEdit(y3.doc, 'm1', 'changed at last');
    expect(moveCard(y3.doc, 'm1', 'priorities', 0)).toBe(true);
    await waitFor('stored', () => y3.acked() > 0);
    const check = connectY(server, w.facilitator);
    await check.synced;
    await waitFor('moved', () => readCard(check.doc, 'm1')?.section === 'priorities');
    expect(readCard(check.doc, 'm1')?.text).toBe('changed at last');
    for (const c of [y3, check]) c.destroy();
    for (const s of [f, pc]) s.socket.close();
  });
});

describe('editing and moving the agenda (issue 11)', () => {
  it('[I51] only facilitators edit the agenda; bad input is refused and changes nothing', async () => {
    const w = await createWorkshop(server);
    const pink = await watch(await join(server, w.tokens.people, { name: 'Pia' }));
    const f = await watch(w.facilitator);
    const tried = await ask(pink.socket, 'agenda:edit', { op: 'add', title: 'Mine' });
    expect(tried.ok ? 'ok' : tried.reason).toBe('forbidden');
    expect((await go(pink.socket, null, 'welcome')).ok).toBe(false);
    const long = await ask(f.socket, 'agenda:edit', { op: 'add', title: 'x'.repeat(81) });
    expect(long.ok ? 'ok' : long.reason).toBe('invalidInput');
    expect(await ask(f.socket, 'agenda:edit', { op: 'add', title: 'Lunch' })).toEqual({ ok: true });
    await waitFor('everyone sees it', () => pink.view?.agenda.steps.at(-1)?.title === 'Lunch');
    expect(pink.view?.agenda.steps).toHaveLength(7);
    for (const s of [f, pink]) s.socket.close();
  });

  it('[I53] two facilitators racing Next agree; a stale Back is refused with the step now current', async () => {
    const w = await createWorkshop(server);
    const blue = await join(server, w.tokens.system, { name: 'Cy' });
    const f = await watch(w.facilitator);
    expect(await go(f.socket, null, 'welcome')).toEqual({ ok: true });
    await waitFor('people', () => f.people.some((p) => p.label === 'Cy'));
    const key = f.people.find((p) => p.label === 'Cy')?.key ?? '';
    expect((await ask(f.socket, 'cofacilitator:set', { key, on: true })).ok).toBe(true);
    const g = await watch(blue);
    const [a, b] = await Promise.all([
      go(f.socket, 'welcome', 'ideas'),
      go(g.socket, 'welcome', 'ideas'),
    ]);
    expect([a, b]).toEqual([{ ok: true }, { ok: true }]);
    await waitFor('both at Ideas', () => [f, g].every((s) => s.view?.agenda.current === 'ideas'));
    const [next, back] = await Promise.all([
      go(f.socket, 'ideas', 'prioritise'),
      go(g.socket, 'ideas', 'welcome'),
    ]);
    const won = [next, back].filter((r) => r.ok);
    const lost = [next, back].find((r) => !r.ok);
    expect(won).toHaveLength(1);
    expect(lost?.ok ? 'ok' : lost?.reason).toBe('agendaMoved');
    const winner = next.ok ? 'prioritise' : 'welcome';
    await waitFor('both agree', () => [f, g].every((s) => s.view?.agenda.current === winner));
    for (const s of [f, g]) s.socket.close();
  });

  it('[I51][I53] the agenda and its step survive a server restart, and the step is still enforced', async () => {
    const local = await startTestServer(`${server.dataDir}-agenda`);
    const w = await createWorkshop(local);
    const pink = await join(local, w.tokens.people, { name: 'Pia' });
    const f = await watch(w.facilitator);
    expect(
      await ask(f.socket, 'agenda:edit', { op: 'rename', id: 'ideas', title: 'Our ideas' }),
    ).toEqual({ ok: true });
    expect(await go(f.socket, null, 'ideas')).toEqual({ ok: true });
    f.socket.close();
    await local.close();

    const again = await startTestServer(`${server.dataDir}-agenda`);
    const g = await watch({ ...w.facilitator, baseUrl: again.url });
    expect(g.view?.agenda.current).toBe('ideas');
    expect(g.view?.agenda.steps[1]?.title).toBe('Our ideas');
    const y = connectY(again, { ...pink, baseUrl: again.url });
    await y.synced;
    createCard(y.doc, 'context', 'not in this step', { id: 'late' });
    expect(await code(y)).toBe(REASON_INFO.stepClosed.close);
    y.destroy();
    g.socket.close();
    await stopTestServer(again);
  });
});

describe('voting and the agenda (issue 11)', () => {
  it('[I54] casting a ballot is refused outside a voting step, for facilitators too, and allowed in it', async () => {
    const { pink, f } = await inStep('ideas');
    const y = connectY(server, pink);
    await y.synced;
    const card = createCard(y.doc, 'priorities', 'Shorter waits');
    await waitFor('stored', () => y.acked() > 0);
    const round = await ask(f.socket, 'round:open', { section: 'priorities' });
    if (!round.ok) throw new Error(round.message);
    const pc = await watch(pink);
    const ballot = { roundId: round.roundId, cardId: card, dots: 1, key: 'key-agenda-1' };
    const refused = await ask(pc.socket, 'ballot:cast', ballot);
    expect(refused.ok ? 'ok' : refused.reason).toBe('stepClosed');
    expect(refused.ok ? '' : refused.message).toContain('"Prioritise"');
    // Facilitators too: the vote opens for everyone at once.
    const fac = await ask(f.socket, 'ballot:cast', { ...ballot, key: 'key-agenda-f' });
    expect(fac.ok ? 'ok' : fac.reason).toBe('stepClosed');
    expect(await go(f.socket, 'ideas', 'prioritise')).toEqual({ ok: true });
    expect(await ask(pc.socket, 'ballot:cast', ballot)).toMatchObject({ ok: true });
    y.destroy();
    for (const s of [f, pc]) s.socket.close();
  });
});
