/**
 * The agenda drives private writing, through the real server (issue 11; I83–I84): entering
 * a step marked "write privately first" (Ideas, in the default agenda) turns private
 * writing on; leaving it reveals every draft before the room moves; a draft that writes to
 * a section the step closes is refused like a board write; two facilitators racing to move
 * on reveal once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cardText, createCard, readBoard } from '../../lib/board/doc';
import { REASON_INFO } from '../../lib/protocol/reasons';
import type { Store } from '../../server/store/Store';
import {
  type Actor,
  ask,
  colourSeenBy,
  connectY,
  createWorkshop,
  join,
  startTestServer,
  stopTestServer,
  type TestServer,
  waitFor,
  watchFacilitation,
  type YClient,
} from './harness';

/** How many times a reveal was stored as starting (one per reveal that ran). */
let revealStarts = 0;
/** While set, the reveal's first draft clear waits for it: the reveal is held mid-way. */
let hold: Promise<void> | null = null;
let clearsStarted = 0;
const watchReveals = (store: Store): Store =>
  new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'updateFacilitation')
        return (...[w, change, at]: Parameters<Store['updateFacilitation']>) =>
          target.updateFacilitation(
            w,
            (stored) => {
              const next = change(stored);
              if (next?.privateWriting?.revealing) revealStarts++;
              return next;
            },
            at,
          );
      if (key === 'clearDraft')
        return async (...args: Parameters<Store['clearDraft']>) => {
          clearsStarted++;
          if (hold) await hold;
          return target.clearDraft(...args);
        };
      const v = Reflect.get(target, key, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(undefined, { wrapStore: watchReveals });
});
afterAll(async () => {
  await stopTestServer(server);
});

const watch = watchFacilitation;

const draftRoom = (a: Actor) => `${a.workshopId}/draft/${a.participantId}`;

/** Write one card in a draft and wait until the server has stored it. */
async function draftCard(d: YClient, section: 'priorities', id: string, text: string) {
  createCard(d.doc, section, text, { id });
  const target = Y.getState(d.doc.store, d.doc.clientID);
  await waitFor(`draft ${id} stored`, () => d.acked() >= target);
}

/** A workshop in the Welcome step with pink, blue and the facilitator's control socket. */
async function welcomed() {
  const w = await createWorkshop(server, { group: 'system' });
  const pink = await join(server, w.tokens.people, { name: 'Pia' });
  const blue = await join(server, w.tokens.system, { name: 'Cy' });
  const f = await watch(w.facilitator);
  expect(await ask(f.socket, 'agenda:go', { from: null, to: 'welcome' })).toEqual({ ok: true });
  await waitFor('welcome', () => f.view?.agenda.current === 'welcome');
  expect(f.view?.privateWriting).toBeNull();
  return { w, pink, blue, f };
}

describe('the agenda drives private writing (issue 11)', () => {
  it('[I83] entering Ideas starts private writing; moving on reveals every draft first, in its author’s colour', async () => {
    const { w, pink, f } = await welcomed();
    expect(await ask(f.socket, 'agenda:go', { from: 'welcome', to: 'ideas' })).toEqual({
      ok: true,
    });
    await waitFor('private writing on', () => f.view?.privateWriting != null);
    const board = connectY(server, w.facilitator);
    const d = connectY(server, pink, new Y.Doc(), draftRoom(pink));
    await Promise.all([board.synced, d.synced]);
    await draftCard(d, 'priorities', 'pinkIdea', 'A named person to call');
    expect(readBoard(board.doc)).toEqual([]);

    expect(await ask(f.socket, 'agenda:go', { from: 'ideas', to: 'prioritise' })).toEqual({
      ok: true,
    });
    // The reveal finished before the move was stored: the card is on the board by now.
    await waitFor('at Prioritise', () => f.view?.agenda.current === 'prioritise');
    await waitFor('revealed', () => cardText(board.doc, 'pinkIdea') !== null);
    expect(cardText(board.doc, 'pinkIdea')?.toString()).toBe('A named person to call');
    await waitFor('colour', () => colourSeenBy(board, 'pinkIdea') === 'people');
    expect(f.view?.privateWriting).toBeNull();
    expect((await d.closed).code).toBe(REASON_INFO.privateEnded.close);
    expect(await server.purple.store.listDrafts(w.workshopId)).toEqual([]);

    // Going back to Ideas starts a new round; ending the agenda from there reveals too.
    expect(await ask(f.socket, 'agenda:go', { from: 'prioritise', to: 'ideas' })).toEqual({
      ok: true,
    });
    await waitFor('private again', () => f.view?.privateWriting != null);
    const again = connectY(server, pink, new Y.Doc(), draftRoom(pink));
    await again.synced;
    await draftCard(again, 'priorities', 'pinkIdea2', 'Letters in plain words');
    expect(await ask(f.socket, 'agenda:go', { from: 'ideas', to: null })).toEqual({ ok: true });
    await waitFor('second reveal', () => cardText(board.doc, 'pinkIdea2') !== null);
    await waitFor('ended', () => f.view?.agenda.current === null && f.view.privateWriting === null);
    for (const c of [board, d, again]) c.destroy();
    f.socket.close();
  });

  it('[I84] a draft that writes to a section the step closes is refused with stepClosed, and nothing of it is stored', async () => {
    const { pink, f } = await welcomed();
    await ask(f.socket, 'agenda:go', { from: 'welcome', to: 'ideas' });
    await waitFor('private writing on', () => f.view?.privateWriting != null);
    const d = connectY(server, pink, new Y.Doc(), draftRoom(pink));
    await d.synced;
    await draftCard(d, 'priorities', 'allowed', 'Ideas go in Joint priorities');
    // Ideas opens Joint priorities only: a Context card is as closed in a draft as on the board.
    createCard(d.doc, 'context', 'not in this step', { id: 'closedCtx' });
    const closed = await d.closed;
    expect(closed.code).toBe(REASON_INFO.stepClosed.close);
    expect(await server.purple.store.listDrafts(pink.workshopId)).toEqual([
      { participantId: pink.participantId, cards: 1, lastSeq: 1 },
    ]);
    d.destroy();
    f.socket.close();
  });

  it('[I83] two facilitators racing to leave Ideas reveal once and agree on the step', async () => {
    const { w, pink, blue, f } = await welcomed();
    await waitFor('people', () => f.people.some((p) => p.label === 'Cy'));
    const key = f.people.find((p) => p.label === 'Cy')?.key ?? '';
    expect((await ask(f.socket, 'cofacilitator:set', { key, on: true })).ok).toBe(true);
    const g = await watch(blue);
    await ask(f.socket, 'agenda:go', { from: 'welcome', to: 'ideas' });
    await waitFor('private writing on', () => g.view?.privateWriting != null);
    const d = connectY(server, pink, new Y.Doc(), draftRoom(pink));
    await d.synced;
    await draftCard(d, 'priorities', 'raceIdea', 'Shown once');
    const before = revealStarts;
    // Hold the first reveal half-way, so the second Next arrives while it runs.
    let release: () => void = () => undefined;
    hold = new Promise<void>((r) => {
      release = r;
    });
    const clears = clearsStarted;
    const a = ask(f.socket, 'agenda:go', { from: 'ideas', to: 'prioritise' });
    await waitFor('reveal under way', () => clearsStarted > clears);
    const b = ask(g.socket, 'agenda:go', { from: 'ideas', to: 'prioritise' });
    // Acknowledged after the server has taken g's Next (one socket's events run in order).
    await ask(g.socket, 'attendance:list', {});
    hold = null;
    release();
    expect(await Promise.all([a, b])).toEqual([{ ok: true }, { ok: true }]);
    expect(revealStarts - before).toBe(1);
    await waitFor('both at Prioritise', () =>
      [f, g].every((s) => s.view?.agenda.current === 'prioritise' && !s.view.privateWriting),
    );
    const board = connectY(server, w.facilitator);
    await board.synced;
    await waitFor('revealed', () => readBoard(board.doc).length === 1);
    expect(readBoard(board.doc).map((c) => c.id)).toEqual(['raceIdea']);
    const written = await server.purple.store.writtenSince(w.workshopId, 0);
    expect(written.map((r) => r.inserted)).toEqual(['Shown once'.length]);
    for (const c of [board, d]) c.destroy();
    for (const s of [f, g]) s.socket.close();
  });
});
