/**
 * "Cards you deleted" (issue 13, I34) over real sockets: each person is sent only the cards
 * whose latest deletion was theirs, and may restore one whenever they like, Undo or not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCard, readCard } from '../../lib/board/doc';
import type { OwnDeletedCard } from '../../lib/board/ownDeletedCards';
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

/** A control socket that keeps the latest `deleted:mine` list it was sent. */
function watchMine(actor: Actor): { ctl: ControlClient; mine: () => OwnDeletedCard[] | null } {
  let mine: OwnDeletedCard[] | null = null;
  const ctl = connectControl(actor);
  ctl.on('deleted:mine', (list) => {
    mine = list;
  });
  return { ctl, mine: () => mine };
}

const ids = (list: OwnDeletedCard[] | null) => (list ?? []).map((c) => c.cardId).sort();

describe('cards you deleted', () => {
  it('[I34] sends each person only the cards they deleted, kept live as they delete and restore', async () => {
    const w = await createWorkshop(server);
    const patActor = await join(server, w.tokens.people, { name: 'Pat' });
    const boActor = await join(server, w.tokens.system, { name: 'Bo' });
    const pat = connectY(server, patActor);
    const bo = connectY(server, boActor);
    await Promise.all([pat.synced, bo.synced]);
    const patCard = createCard(pat.doc, 'context', 'Pat’s card');
    const boCard = createCard(bo.doc, 'context', 'Bo’s card');
    await waitFor(
      'both cards everywhere',
      () => readCard(pat.doc, boCard) !== null && readCard(bo.doc, patCard) !== null,
    );
    const p = watchMine(patActor);
    const b = watchMine(boActor);
    await waitFor('welcome lists', () => p.mine() !== null && b.mine() !== null);
    expect(p.mine()).toEqual([]);

    expect(await ask(p.ctl, 'card:delete', { cardId: patCard })).toEqual({ ok: true });
    expect(await ask(b.ctl, 'card:delete', { cardId: boCard })).toEqual({ ok: true });
    await waitFor('Pat’s list', () => ids(p.mine()).join() === patCard);
    await waitFor('Bo’s list', () => ids(b.mine()).join() === boCard);
    expect(p.mine()?.[0]).toEqual({ cardId: patCard, deletedAt: expect.any(String) });

    // Pat restores their own card; Bo's list never held it.
    expect(await ask(p.ctl, 'card:restore', { cardId: patCard })).toEqual({ ok: true });
    await waitFor('Pat’s list empties', () => p.mine()?.length === 0);
    await waitFor('restored', () => readCard(bo.doc, patCard)?.deleted === false);
    expect(ids(b.mine())).toEqual([boCard]);
    for (const s of [p.ctl, b.ctl]) s.close();
    for (const c of [pat, bo]) c.destroy();
  });

  it('[I34] lets a person restore their deletion from a later connection, long after Undo', async () => {
    const w = await createWorkshop(server);
    const patActor = await join(server, w.tokens.people, { name: 'Pat' });
    const pat = connectY(server, patActor);
    await pat.synced;
    const id = createCard(pat.doc, 'priorities', 'Come back later');
    await waitFor('stored', () => pat.acked() > 0);
    const first = connectControl(patActor);
    expect(await ask(first, 'card:delete', { cardId: id })).toEqual({ ok: true });
    first.close(); // the page (and its Undo) is gone
    await new Promise((r) => setTimeout(r, 300));

    const later = watchMine(patActor);
    await waitFor('list on connect', () => ids(later.mine()).join() === id);
    expect(await ask(later.ctl, 'card:restore', { cardId: id })).toEqual({ ok: true });
    await waitFor('restored', () => readCard(pat.doc, id)?.deleted === false);
    await waitFor('list empties', () => later.mine()?.length === 0);
    later.ctl.close();
    pat.destroy();
  });

  it('[I34] never lists, nor lets a person restore, someone else’s or a facilitator’s deletion', async () => {
    const w = await createWorkshop(server);
    const patActor = await join(server, w.tokens.people, { name: 'Pat' });
    const boActor = await join(server, w.tokens.system, { name: 'Bo' });
    const pat = connectY(server, patActor);
    await pat.synced;
    const byFacilitator = createCard(pat.doc, 'context', 'A facilitator will delete this');
    const byPat = createCard(pat.doc, 'context', 'Pat will delete this');
    await waitFor('stored', () => pat.acked() > 0);
    const p = watchMine(patActor);
    const b = watchMine(boActor);
    const fac = watchMine(w.facilitator);
    await waitFor(
      'welcome lists',
      () => p.mine() !== null && b.mine() !== null && fac.mine() !== null,
    );

    expect(await ask(fac.ctl, 'card:delete', { cardId: byFacilitator })).toEqual({ ok: true });
    expect(await ask(p.ctl, 'card:delete', { cardId: byPat })).toEqual({ ok: true });
    await waitFor('facilitator’s list', () => ids(fac.mine()).join() === byFacilitator);
    await waitFor('Pat’s list', () => ids(p.mine()).join() === byPat);
    expect(b.mine()).toEqual([]);

    expect(await ask(p.ctl, 'card:restore', { cardId: byFacilitator })).toMatchObject({
      ok: false,
      reason: 'forbidden',
    });
    expect(await ask(b.ctl, 'card:restore', { cardId: byPat })).toMatchObject({
      ok: false,
      reason: 'forbidden',
    });
    expect(readCard(pat.doc, byFacilitator)?.deleted).toBe(true);
    expect(readCard(pat.doc, byPat)?.deleted).toBe(true);

    // A facilitator's restore of Pat's deletion empties Pat's list too.
    expect(await ask(fac.ctl, 'card:restore', { cardId: byPat })).toEqual({ ok: true });
    await waitFor('Pat’s list empties', () => p.mine()?.length === 0);
    expect(ids(fac.mine())).toEqual([byFacilitator]);
    for (const s of [p.ctl, b.ctl, fac.ctl]) s.close();
    pat.destroy();
  });
});
