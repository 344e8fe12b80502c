/**
 * The visibility policy through the real server (issue 8 §6; invariants I12, I26, I27):
 * authorship hidden when written stays hidden, for participants and facilitators alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCard, readCard } from '../../lib/board/doc';
import type { DeletedCard } from '../../lib/protocol/events';
import {
  ask,
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

describe('authorship once hidden stays hidden', () => {
  it('[I26] one extra join does not reveal which earlier cards Pat wrote', async () => {
    const w = await createWorkshop(server);
    const patActor = await join(server, w.tokens.people, { name: 'PatVisible' });
    await join(server, w.tokens.people, { name: 'Ann' });
    const viewerActor = await join(server, w.tokens.system, { name: 'Bo' });
    const pat = connectY(server, patActor);
    const viewer = connectY(server, viewerActor);
    await Promise.all([pat.synced, viewer.synced]);
    const id = createCard(pat.doc, 'context', 'written while we were two');
    await waitFor('viewer sees it', () => readCard(viewer.doc, id) !== null);
    expect(viewer.roster.get(pat.doc.clientID)?.name).toBeUndefined();
    // A third person joins the lived-experience group through the link.
    await join(server, w.tokens.people, { name: 'Cai' });
    // A new connection receives the whole roster; the live one receives any resend.
    const late = connectY(server, viewerActor);
    await late.synced;
    await waitFor('late roster', () => late.roster.get(pat.doc.clientID) !== undefined);
    for (const client of [viewer, late]) {
      const entry = client.roster.get(pat.doc.clientID);
      expect(entry?.group).toBe('people');
      expect(entry?.name).toBeUndefined();
      expect(entry?.author).toBeUndefined();
      expect(client.received.join('\n')).not.toContain('PatVisible');
    }
    for (const c of [pat, viewer, late]) c.destroy();
  });

  it('[I26] a facilitator is not told "Deleted by PatVisible" in a group of two', async () => {
    const w = await createWorkshop(server);
    const patActor = await join(server, w.tokens.people, { name: 'PatVisible' });
    await join(server, w.tokens.people, { name: 'Ann' });
    const pat = connectY(server, patActor);
    await pat.synced;
    const id = createCard(pat.doc, 'context', 'I will delete this');
    await waitFor('stored', () => pat.acked() > 0);
    const patCtl = connectControl(patActor);
    expect(await ask(patCtl, 'card:delete', { cardId: id })).toEqual({ ok: true });
    // Even after the group grows, the deletion stays unattributed.
    for (const n of ['Cai', 'Dee']) await join(server, w.tokens.people, { name: n });
    let deleted: DeletedCard[] = [];
    const fac = connectControl(w.facilitator);
    fac.on('deleted:update', (list) => {
      deleted = list;
    });
    await waitFor('deleted list', () => deleted.length === 1);
    expect(deleted[0]?.deletedBy).toBe('A participant (Lived experience)');
    for (const s of [patCtl, fac]) s.close();
    pat.destroy();
  });
});
