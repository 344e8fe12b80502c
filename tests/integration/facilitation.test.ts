/**
 * Live facilitation through the real server (issue 11, first part; invariants I43–I47):
 * locks enforced in the update inspection, the timer across a restart, the hands queue
 * under concurrent raises, two facilitators racing, co-facilitator rights on open
 * sockets, the attendance CSV and balance from real edits.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyTextEdit, createCard, readCard } from '../../lib/board/doc';
import type { BalanceView } from '../../lib/facilitation/balance';
import type { FacilitationView, HandView } from '../../lib/protocol/facilitationEvents';
import type { PersonView } from '../../lib/protocol/peopleEvents';
import { REASON_INFO } from '../../lib/protocol/reasons';
import {
  type Actor,
  ask,
  type ControlClient,
  connectControl,
  connectY,
  createWorkshop,
  join,
  startTestServer,
  stopTestServer,
  type TestServer,
  waitFor,
} from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await stopTestServer(server);
});

/** A control socket that keeps the latest of each facilitation event. */
function watch(actor: Actor) {
  const seen = {
    socket: null as unknown as ControlClient,
    view: null as FacilitationView | null,
    hands: null as HandView[] | null,
    balance: null as BalanceView | null,
    people: [] as PersonView[],
    capability: null as string | null,
  };
  const s = connectControl(actor);
  seen.socket = s;
  s.on('facilitation:update', (v) => {
    seen.view = v;
  });
  s.on('hands:update', (h) => {
    seen.hands = h;
  });
  s.on('balance:update', (b) => {
    seen.balance = b;
  });
  s.on('people:update', (p) => {
    seen.people = p;
  });
  s.on('capability:update', (c) => {
    seen.capability = c.capability;
  });
  return seen;
}

const connected = (s: ControlClient) =>
  waitFor('control connected', () => s.connected).then(() => undefined);

describe('locks (issue 11)', () => {
  it('[I43] a locked card is refused for contributors and allowed for facilitators; a locked section refuses new cards', async () => {
    const w = await createWorkshop(server);
    const pink = await join(server, w.tokens.people, { name: 'Pia' });
    const fac = connectY(server, w.facilitator);
    await fac.synced;
    createCard(fac.doc, 'context', 'agreed words', { id: 'c1' });
    createCard(fac.doc, 'priorities', 'open', { id: 'c2' });
    const f = watch(w.facilitator);
    await connected(f.socket);
    expect(await ask(f.socket, 'lock:set', { kind: 'card', id: 'c1', locked: true })).toEqual({
      ok: true,
    });
    await waitFor('lock seen', () => f.view?.locks.cards.includes('c1') === true);

    // The facilitator may still change it.
    applyTextEdit(fac.doc, 'c1', 'agreed words, final');
    // A contributor's write to it closes their connection with the reason.
    const y = connectY(server, pink);
    await y.synced;
    await waitFor('c1 text', () => readCard(y.doc, 'c1')?.text === 'agreed words, final');
    applyTextEdit(y.doc, 'c1', 'my words');
    expect((await y.closed).code).toBe(REASON_INFO.locked.close);
    y.destroy();

    // A locked section refuses new cards from a contributor.
    expect(
      (await ask(f.socket, 'lock:set', { kind: 'section', id: 'decisions', locked: true })).ok,
    ).toBe(true);
    const y2 = connectY(server, pink);
    await y2.synced;
    applyTextEdit(y2.doc, 'c2', 'open, still');
    createCard(y2.doc, 'decisions', 'sneaky', { id: 'n1' });
    expect((await y2.closed).code).toBe(REASON_INFO.locked.close);
    y2.destroy();
    const check = connectY(server, w.facilitator);
    await check.synced;
    expect(readCard(check.doc, 'c1')?.text).toBe('agreed words, final');
    expect(readCard(check.doc, 'n1')).toBeNull();
    expect(readCard(check.doc, 'c2')?.text).toBe('open, still');
    for (const c of [fac, check]) c.destroy();
    f.socket.close();
  });

  it('[I43] a locked card cannot be deleted or restored to an earlier version by its author', async () => {
    const w = await createWorkshop(server);
    const pinkActor = await join(server, w.tokens.people, { name: 'Ola' });
    const f = watch(w.facilitator);
    const pink = watch(pinkActor);
    await Promise.all([connected(f.socket), connected(pink.socket)]);
    const y = connectY(server, pinkActor);
    await y.synced;
    createCard(y.doc, 'context', 'first words', { id: 'own1' });
    await waitFor('stored', () => y.acked() > 0);
    applyTextEdit(y.doc, 'own1', 'second words');
    const history = async () => {
      const r = await ask(pink.socket, 'card:history', { cardId: 'own1' });
      return r.ok ? r.history.versions : [];
    };
    let versions: Awaited<ReturnType<typeof history>> = [];
    await waitFor('a version', () => {
      void history().then((v) => {
        versions = v;
      });
      return versions.some((v) => v.text === 'second words');
    });
    expect((await ask(f.socket, 'lock:set', { kind: 'card', id: 'own1', locked: true })).ok).toBe(
      true,
    );
    const del = await ask(pink.socket, 'card:delete', { cardId: 'own1' });
    expect(del.ok ? 'ok' : del.reason).toBe('locked');
    const seq = versions[0]?.seq ?? 0;
    const rev = await ask(pink.socket, 'card:revert', { cardId: 'own1', seq });
    expect(rev.ok ? 'ok' : rev.reason).toBe('locked');
    expect((await ask(f.socket, 'lock:set', { kind: 'card', id: 'own1', locked: false })).ok).toBe(
      true,
    );
    expect((await ask(pink.socket, 'card:delete', { cardId: 'own1' })).ok).toBe(true);
    y.destroy();
    f.socket.close();
    pink.socket.close();
  });

  it('[I43] contributors cannot lock, and cannot lock a card that does not exist', async () => {
    const w = await createWorkshop(server);
    const pink = watch(await join(server, w.tokens.people));
    const f = watch(w.facilitator);
    await Promise.all([connected(pink.socket), connected(f.socket)]);
    expect(
      (await ask(pink.socket, 'lock:set', { kind: 'section', id: 'context', locked: true })).ok,
    ).toBe(false);
    const r = await ask(f.socket, 'lock:set', { kind: 'card', id: 'nope', locked: true });
    expect(r.ok ? 'ok' : r.reason).toBe('unknownCard');
    pink.socket.close();
    f.socket.close();
  });
});

describe('timer (issue 11)', () => {
  it('[I47] keeps its deadline across a server restart, and a paused timer its time left', async () => {
    const dataDir = server.dataDir;
    const local = await startTestServer(`${dataDir}-timer`);
    const w = await createWorkshop(local);
    const f = watch(w.facilitator);
    await connected(f.socket);
    expect((await ask(f.socket, 'timer:start', { durationMs: 10 * 60_000 })).ok).toBe(true);
    await waitFor('timer', () => f.view?.timer?.deadline != null);
    const deadline = f.view?.timer?.deadline;
    f.socket.close();
    await local.close();

    const again = await startTestServer(`${dataDir}-timer`);
    const actor = { ...w.facilitator, baseUrl: again.url };
    const g = watch(actor);
    await waitFor('timer after restart', () => g.view?.timer != null);
    const t = g.view?.timer;
    expect(t?.deadline).toBe(deadline);
    expect(t?.remainingMs).toBe(Math.max(0, Date.parse(deadline ?? '') - (t?.serverNow ?? 0)));

    expect((await ask(g.socket, 'timer:pause', {})).ok).toBe(true);
    await waitFor('paused', () => g.view?.timer?.deadline === null);
    const left = g.view?.timer?.remainingMs;
    expect((await ask(g.socket, 'timer:pause', {})).ok).toBe(false);
    g.socket.close();
    await again.close();

    const third = await startTestServer(`${dataDir}-timer`);
    const h = watch({ ...w.facilitator, baseUrl: third.url });
    await waitFor('paused timer after restart', () => h.view?.timer != null);
    expect(h.view?.timer?.remainingMs).toBe(left);
    expect((await ask(h.socket, 'timer:add', { addMs: 60_000 })).ok).toBe(true);
    await waitFor('added', () => h.view?.timer?.remainingMs === (left ?? 0) + 60_000);
    expect((await ask(h.socket, 'timer:stop', {})).ok).toBe(true);
    await waitFor('stopped', () => h.view?.timer === null);
    h.socket.close();
    await stopTestServer(third);
  });
});

describe('hands (issue 11)', () => {
  it('[I47] concurrent raises make one queue in order, each person once; a private break only facilitators see', async () => {
    const w = await createWorkshop(server);
    const f = watch(w.facilitator);
    const people = await Promise.all(
      ['A', 'B', 'C', 'D'].map((n, i) =>
        join(server, i % 2 ? w.tokens.system : w.tokens.people, { name: `Person ${n}` }),
      ),
    );
    const socks = people.map(watch);
    await Promise.all([f, ...socks].map((s) => connected(s.socket)));
    const acks = await Promise.all(
      socks.map((s, i) =>
        ask(s.socket, 'hand:raise', { kind: i === 3 ? 'break' : 'speak', private: i === 3 }),
      ),
    );
    expect(acks.every((a) => a.ok)).toBe(true);
    // Raising again keeps the place in the queue.
    expect((await ask(socks[0]!.socket, 'hand:raise', { kind: 'question' })).ok).toBe(true);
    await waitFor('queue', () => f.hands?.length === 4 && f.hands[0]?.kind === 'question');
    const queue = f.hands ?? [];
    expect(new Set(queue.map((h) => h.label)).size).toBe(4);
    const ats = queue.map((h) => h.at);
    expect([...ats].sort()).toEqual(ats);
    expect(queue.find((h) => h.label === 'Person D')?.private).toBe(true);
    // Participants see a count without the private hand, and their own hand.
    await waitFor('count', () => socks[1]?.view?.handsUp === 3);
    expect(socks[3]?.view?.myHand?.kind).toBe('break');
    expect(socks[1]?.hands).toBeNull();
    // A contributor cannot lower someone else's hand; the facilitator can.
    const key = queue[1]?.key ?? '';
    expect((await ask(socks[0]!.socket, 'hand:lower', { key })).ok).toBe(false);
    expect((await ask(f.socket, 'hand:lower', { key })).ok).toBe(true);
    await waitFor('lowered', () => f.hands?.length === 3);
    for (const s of [f, ...socks]) s.socket.close();
  });
});

describe('several facilitators (issue 11)', () => {
  it('[I46] co-facilitator rights take effect on open sockets, and are taken back', async () => {
    const w = await createWorkshop(server);
    const blueActor = await join(server, w.tokens.system, { name: 'Bo' });
    const f = watch(w.facilitator);
    const blue = watch(blueActor);
    await Promise.all([connected(f.socket), connected(blue.socket)]);
    const fy = connectY(server, w.facilitator);
    await fy.synced;
    createCard(fy.doc, 'context', 'fixed', { id: 'k1' });
    expect((await ask(f.socket, 'lock:set', { kind: 'card', id: 'k1', locked: true })).ok).toBe(
      true,
    );
    const by = connectY(server, blueActor);
    await by.synced;
    expect((await ask(blue.socket, 'timer:start', { durationMs: 60_000 })).ok).toBe(false);
    await waitFor('people list', () => f.people.some((p) => p.label === 'Bo'));
    const key = f.people.find((p) => p.label === 'Bo')?.key ?? '';
    expect((await ask(f.socket, 'cofacilitator:set', { key, on: true })).ok).toBe(true);
    await waitFor('told', () => blue.capability === 'facilitator' && blue.hands !== null);
    // The same, still-open sockets now have facilitator rights, on both channels.
    expect((await ask(blue.socket, 'timer:start', { durationMs: 60_000 })).ok).toBe(true);
    await waitFor('k1 synced', () => readCard(by.doc, 'k1')?.text === 'fixed');
    applyTextEdit(by.doc, 'k1', 'fixed by Bo');
    await waitFor('bypass', () => readCard(fy.doc, 'k1')?.text === 'fixed by Bo');

    expect((await ask(f.socket, 'cofacilitator:set', { key, on: false })).ok).toBe(true);
    await waitFor('taken back', () => blue.capability === 'contributor');
    expect((await ask(blue.socket, 'timer:stop', {})).ok).toBe(false);
    applyTextEdit(by.doc, 'k1', 'fixed by Bo again');
    expect((await by.closed).code).toBe(REASON_INFO.locked.close);
    for (const c of [fy, by]) c.destroy();
    f.socket.close();
    blue.socket.close();
  });

  it('[I47] two facilitators racing lose nothing and agree on the result', async () => {
    const w = await createWorkshop(server);
    const blueActor = await join(server, w.tokens.system, { name: 'Cy' });
    const f = watch(w.facilitator);
    await connected(f.socket);
    await waitFor('people', () => f.people.some((p) => p.label === 'Cy'));
    const key = f.people.find((p) => p.label === 'Cy')?.key ?? '';
    expect((await ask(f.socket, 'cofacilitator:set', { key, on: true })).ok).toBe(true);
    const g = watch(blueActor);
    await connected(g.socket);
    const sections = ['context', 'priorities', 'decisions', 'indicators'] as const;
    await Promise.all(
      sections.flatMap((id, i) => [
        ask(i % 2 ? f.socket : g.socket, 'lock:set', { kind: 'section', id, locked: true }),
        ask(i % 2 ? g.socket : f.socket, 'timer:start', { durationMs: (i + 1) * 60_000 }),
      ]),
    );
    await waitFor(
      'both agree',
      () =>
        f.view?.locks.sections.length === 4 &&
        g.view?.locks.sections.length === 4 &&
        f.view.timer?.deadline === g.view.timer?.deadline,
    );
    f.socket.close();
    g.socket.close();
  });
});

describe('attendance and balance (issue 11)', () => {
  it('[I44][I45] attendance CSV parses back with a BOM, and a formula name is neutralised', async () => {
    const w = await createWorkshop(server);
    const tricky = await join(server, w.tokens.people, { name: '=HYPERLINK("http://x")' });
    const t = watch(tricky);
    await connected(t.socket);
    t.socket.close();
    const f = watch(w.facilitator);
    await connected(f.socket);
    // Ask again until the departure is stored (it is written as the socket closes).
    let rows: Record<string, string>[] = [];
    let csv = '';
    const trickyRow = () => rows.find((x) => x.Name?.includes('HYPERLINK'));
    await waitFor('departure stored', () => {
      void ask(f.socket, 'attendance:list', {}).then((r) => {
        if (!r.ok) return;
        csv = r.csv;
        rows = parse(csv, { bom: true, columns: true });
      });
      const left = trickyRow()?.['Last left (UTC)'];
      return left !== undefined && left !== 'still here';
    });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(trickyRow()?.Name).toBe('\'=HYPERLINK("http://x")');
    expect(trickyRow()?.Group).toBe('Lived experience');
    expect(rows.some((x) => x.Name === 'Fay')).toBe(true);
    const contributor = await join(server, w.tokens.system);
    const c = watch(contributor);
    await connected(c.socket);
    expect((await ask(c.socket, 'attendance:list', {})).ok).toBe(false);
    c.socket.close();
    f.socket.close();
  });

  it('[I47] balance counts real edits per group from the attribution log', async () => {
    const w = await createWorkshop(server);
    const pink = await join(server, w.tokens.people, { name: 'Pat' });
    const blue = await join(server, w.tokens.system, { name: 'Sue' });
    const f = watch(w.facilitator);
    await connected(f.socket);
    const py = connectY(server, pink);
    const by = connectY(server, blue);
    await Promise.all([py.synced, by.synced]);
    createCard(by.doc, 'context', 'before counting, not counted at all', { id: 'b0' });
    await waitFor('b0 stored', () => readCard(py.doc, 'b0') !== null);
    expect((await ask(f.socket, 'balance:start', {})).ok).toBe(true);
    createCard(py.doc, 'priorities', 'x'.repeat(10), { id: 'p1' });
    createCard(by.doc, 'priorities', 'y'.repeat(90), { id: 'b1' });
    await waitFor(
      'balance',
      () => (f.balance?.groups.reduce((n, g) => n + g.chars, 0) ?? 0) === 100,
    );
    expect(f.balance?.groups.map((g) => [g.group, g.charShare])).toEqual([
      ['people', 10],
      ['system', 90],
    ]);
    expect(f.balance?.note).toMatch(/^Staff have written 90 % of the text since/);
    for (const c of [py, by]) c.destroy();
    f.socket.close();
  });
});
