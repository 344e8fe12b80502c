/**
 * People's data and links through the real server (issue 8 §4, §7; issue 13; invariants
 * I27–I30): removal, erasure, deleting a workshop, retention, hashed tokens, file modes,
 * one small people change per join, join caps, new links, rotation and editing.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCard, readCard } from '../../lib/board/doc';
import { textHash } from '../../lib/board/textHash';
import type { InviteView } from '../../lib/protocol/events';
import type { PersonView } from '../../lib/protocol/peopleEvents';
import { outcomeValue } from '../../server/facade';
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

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Read the database file as it is on disk (WAL included). */
function rawDb(): BetterSqlite3.Database {
  return new BetterSqlite3(path.join(server.dataDir, 'purple.sqlite'), { readonly: true });
}

/** A facilitator's control socket that keeps the people list up to date from small changes. */
function facilitatorView(actor: Actor) {
  const events: string[] = [];
  const view = {
    socket: null as unknown as ControlClient,
    people: [] as PersonView[],
    invites: [] as InviteView[],
    events,
  };
  view.socket = connectControl(actor, (event) => events.push(event));
  view.socket.on('people:update', (list) => {
    view.people = list;
  });
  view.socket.on('people:join', (p) => {
    view.people = [...view.people, p];
  });
  view.socket.on('people:change', ({ key, person }) => {
    view.people = view.people.flatMap((p) => (p.key !== key ? [p] : person ? [person] : []));
  });
  view.socket.on('invite:update', (list) => {
    view.invites = list;
  });
  return view;
}

async function personalToken(actor: Actor): Promise<string> {
  const page = await outcomeValue(
    server.purple.workshops.boardPage(actor.workshopId, actor.cookie.split('=')[1], server.url),
  );
  return page.me.personalUrl.split('/p/')[1] ?? '';
}

describe('tokens and files', () => {
  it('[I28] stores invite and personal tokens only as SHA-256 hashes', async () => {
    const w = await createWorkshop(server);
    const pat = await join(server, w.tokens.people, { name: 'Pat' });
    const personal = await personalToken(pat);
    const db = rawDb();
    const invites = db.prepare('select token from invites where workshop_id = ?').all(w.workshopId);
    const people = db
      .prepare('select personal_token from participants where workshop_id = ?')
      .all(w.workshopId);
    const dump = JSON.stringify([invites, people]);
    db.close();
    for (const token of [w.tokens.people, w.tokens.system, w.tokens.observer, personal]) {
      expect(token.length).toBeGreaterThanOrEqual(22); // 128+ bits
      expect(dump).not.toContain(token);
    }
    expect(dump).toContain(sha256(w.tokens.people));
    expect(dump).toContain(sha256(personal));
    // And they still work.
    expect((await server.purple.workshops.resume(personal, server.url)).ok).toBe(true);
  });

  it('[I29] keeps the data folder 0700 and the database 0600', () => {
    expect(statSync(server.dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(server.dataDir, 'purple.sqlite')).mode & 0o777).toBe(0o600);
  });
});

describe('the people list', () => {
  it('[I27] sends facilitators one small change per join, never the whole list again', async () => {
    const w = await createWorkshop(server);
    const fac = facilitatorView(w.facilitator);
    await waitFor('first list', () => fac.people.length === 1);
    await join(server, w.tokens.people, { name: 'One', anonymous: true });
    await join(server, w.tokens.people, { name: 'Two', anonymous: true });
    await waitFor('two joins', () => fac.people.length === 3);
    expect(fac.events.filter((e) => e === 'people:update')).toHaveLength(1);
    expect(fac.events.filter((e) => e === 'people:join')).toHaveLength(2);
    expect(fac.people.map((p) => p.label)).toEqual([
      'Fay',
      'Participant 1 (lived experience)',
      'Participant 2 (lived experience)',
    ]);
    expect(JSON.stringify(fac.people)).not.toMatch(/One|Two/);
    fac.socket.close();
  });

  it('caps a link’s joins and says plainly when it is full', async () => {
    const w = await createWorkshop(server);
    const fac = facilitatorView(w.facilitator);
    await waitFor('connected', () => fac.invites.length === 3);
    const inviteId = w.inviteIds.system;
    expect(await ask(fac.socket, 'invite:cap', { inviteId, maxJoins: 1 })).toEqual({ ok: true });
    await waitFor('cap shown', () => fac.invites.find((i) => i.id === inviteId)?.maxJoins === 1);
    await join(server, w.tokens.system, { name: 'First' });
    const second = await server.purple.workshops.join(
      w.tokens.system,
      { name: 'Second', anonymous: false },
      server.url,
    );
    expect(second).toMatchObject({ ok: false, reason: 'linkFull' });
    const info = await server.purple.workshops.inviteInfo(w.tokens.system);
    expect(info).toMatchObject({ ok: false, reason: 'linkFull' });
    if (!info.ok) expect(info.message).toContain('This invite link is full');
    await waitFor('joined shown', () => fac.invites.find((i) => i.id === inviteId)?.joined === 1);
    fac.socket.close();
  });

  it('makes a new link for a group after one is turned off, and shows who joined with which', async () => {
    const w = await createWorkshop(server);
    const fac = facilitatorView(w.facilitator);
    await waitFor('connected', () => fac.invites.length === 3);
    await join(server, w.tokens.people, { name: 'Early' });
    expect(await ask(fac.socket, 'invite:revoke', { inviteId: w.inviteIds.people })).toEqual({
      ok: true,
    });
    expect(await ask(fac.socket, 'invite:create', { kind: 'people' })).toEqual({ ok: true });
    await waitFor('new link', () => fac.invites.length === 4);
    const fresh = fac.invites.find((i) => i.kind === 'people' && !i.revoked);
    const token = fresh?.url?.split('/join/')[1] ?? '';
    await join(server, token, { name: 'Late' });
    await waitFor('late listed', () => fac.people.some((p) => p.label === 'Late'));
    expect(fac.people.find((p) => p.label === 'Late')?.inviteId).toBe(fresh?.id);
    // "Early" joined through the link that was turned off, so lost access and left the list.
    await waitFor('early gone', () => !fac.people.some((p) => p.label === 'Early'));
    const again = facilitatorView(w.facilitator);
    await waitFor('fresh list', () => again.people.length > 0);
    expect(again.people.map((p) => p.label)).toEqual(['Fay', 'Late']);
    again.socket.close();
    const blue = await join(server, w.tokens.system, { name: 'Bo' });
    const blueCtl = connectControl(blue);
    expect(await ask(blueCtl, 'invite:create', { kind: 'people' })).toMatchObject({
      ok: false,
      reason: 'forbidden',
    });
    blueCtl.close();
    fac.socket.close();
  });
});

describe('removing and erasing a participant', () => {
  it('[I11] removal closes their sockets at once with a clear message; their link stops; their cards keep their colour', async () => {
    const w = await createWorkshop(server);
    const fac = facilitatorView(w.facilitator);
    const patActor = await join(server, w.tokens.people, { name: 'Pat' });
    const personal = await personalToken(patActor);
    const viewerActor = await join(server, w.tokens.system, { name: 'Bo' });
    const pat = connectY(server, patActor);
    const viewer = connectY(server, viewerActor);
    let ended: { reason: string; message: string } | null = null;
    const patCtl = connectControl(patActor);
    patCtl.on('session:ended', (e) => {
      ended = e;
    });
    await Promise.all([pat.synced, viewer.synced]);
    await waitFor('pat control', () => patCtl.connected);
    const id = createCard(pat.doc, 'context', 'Pat wrote this');
    await waitFor('viewer sees it', () => readCard(viewer.doc, id) !== null);
    await waitFor('listed', () => fac.people.length === 3);
    const key = fac.people.find((p) => p.label === 'Pat')?.key ?? '';
    expect(await ask(fac.socket, 'person:remove', { key })).toEqual({ ok: true });
    expect((await pat.closed).code).toBe(4411);
    await waitFor('told', () => ended !== null);
    expect(ended).toEqual({
      reason: 'removed',
      message: 'The facilitator has removed you from this workshop.',
    });
    await waitFor('gone from list', () => !fac.people.some((p) => p.key === key));
    expect(await server.purple.workshops.resume(personal, server.url)).toMatchObject({
      ok: false,
    });
    expect(viewer.roster.get(pat.doc.clientID)?.group).toBe('people');
    expect(readCard(viewer.doc, id)?.deleted).toBe(false);
    for (const c of [pat, viewer]) c.destroy();
    for (const s of [patCtl, fac.socket]) s.close();
  });

  it('[I12] erasure reaches the roster already sent, the database and the people list', async () => {
    const w = await createWorkshop(server);
    const fac = facilitatorView(w.facilitator);
    const patActor = await server.purple.workshops
      .join(
        w.tokens.people,
        { name: 'PatVisible', anonymous: false, accessNeeds: 'Breaks every 20 minutes' },
        server.url,
      )
      .then(async (g) => {
        const grant = await outcomeValue(Promise.resolve(g));
        const page = await outcomeValue(
          server.purple.workshops.boardPage(grant.workshopId, grant.cookie.value, server.url),
        );
        return {
          workshopId: grant.workshopId,
          participantId: page.me.participantId,
          cookie: `${grant.cookie.name}=${grant.cookie.value}`,
          baseUrl: server.url,
        };
      });
    for (const n of ['Ann', 'Ben']) await join(server, w.tokens.people, { name: n });
    const oldLink = await personalToken(patActor);
    const viewerActor = await join(server, w.tokens.system, { name: 'Bo' });
    const pat = connectY(server, patActor);
    const viewer = connectY(server, viewerActor);
    const patCtl = connectControl(patActor);
    let here: { key: string; name?: string }[] = [];
    const viewerCtl = connectControl(viewerActor);
    viewerCtl.on('presence:update', (list) => {
      here = list;
    });
    viewerCtl.on('presence:join', (p) => {
      here = [...here.filter((h) => h.key !== p.key), p];
    });
    viewerCtl.on('presence:leave', ({ key }) => {
      here = here.filter((h) => h.key !== key);
    });
    viewerCtl.on('presence:joined', (ps) => {
      const keys = new Set(ps.map((p) => p.key));
      here = [...here.filter((h) => !keys.has(h.key)), ...ps];
    });
    await Promise.all([pat.synced, viewer.synced]);
    await waitFor('pat here', () => here.some((h) => h.name === 'PatVisible'));
    const id = createCard(pat.doc, 'context', 'named while we were three');
    await waitFor('viewer sees it', () => readCard(viewer.doc, id) !== null);
    await waitFor('name shown', () => viewer.roster.get(pat.doc.clientID)?.name === 'PatVisible');
    await waitFor('listed', () => fac.people.some((p) => p.label === 'PatVisible'));
    const key = fac.people.find((p) => p.label === 'PatVisible')?.key ?? '';
    expect(await ask(fac.socket, 'person:erase', { key })).toEqual({ ok: true });
    await waitFor('roster updated', () => viewer.roster.get(pat.doc.clientID)?.name === undefined);
    expect(viewer.roster.get(pat.doc.clientID)?.group).toBe('people');
    await waitFor('list updated', () => fac.people.find((p) => p.key === key)?.erased === true);
    const entry = fac.people.find((p) => p.key === key);
    expect(entry?.label).toMatch(/^Participant \d \(lived experience\)$/);
    expect(entry?.accessNeeds).toBeNull();
    const db = rawDb();
    const row = db
      .prepare('select name, access_needs, anonymous from participants where id = ?')
      .get(patActor.participantId);
    const everything = JSON.stringify(
      db.prepare('select * from participants where workshop_id = ?').all(w.workshopId),
    );
    db.close();
    expect(row).toEqual({
      name: 'a participant (lived experience)',
      access_needs: null,
      anonymous: 1,
    });
    expect(everything).not.toMatch(/PatVisible|Breaks every/);
    expect((await server.purple.workshops.resume(oldLink, server.url)).ok).toBe(false);
    // "Here now" forgets the name too: Pat is still here, under a new, opaque key.
    await waitFor('presence updated', () => !here.some((h) => h.name === 'PatVisible'));
    expect(here.some((h) => h.key === patActor.participantId)).toBe(false);
    for (const c of [pat, viewer]) c.destroy();
    for (const c of [fac.socket, patCtl, viewerCtl]) c.close();
  });

  it('lets a participant erase their own name and access needs', async () => {
    const w = await createWorkshop(server);
    const fac = facilitatorView(w.facilitator);
    await server.purple.workshops.join(
      w.tokens.people,
      { name: 'Selma', anonymous: false, accessNeeds: 'Screen reader' },
      server.url,
    );
    await waitFor('listed', () => fac.people.some((p) => p.label === 'Selma'));
    const rows = await server.purple.store.listParticipants(w.workshopId);
    const selma = rows.find((r) => r.name === 'Selma');
    const sessions = server.purple.sessions;
    const actor: Actor = {
      workshopId: w.workshopId,
      participantId: selma?.id ?? '',
      cookie: `purple_${w.workshopId}=${selma ? sessions.issue(selma) : ''}`,
      baseUrl: server.url,
    };
    const ctl = connectControl(actor);
    expect(await ask(ctl, 'me:erase', {})).toEqual({ ok: true });
    await waitFor('erased in list', () => fac.people.some((p) => p.erased));
    const after = await server.purple.store.getParticipant(actor.participantId);
    expect(after).toMatchObject({ name: 'a participant (lived experience)', accessNeeds: null });
    ctl.close();
    fac.socket.close();
  });

  it('rotates a personal link: the old one stops working, the new one works', async () => {
    const w = await createWorkshop(server);
    const old = await personalToken(w.facilitator);
    const ctl = connectControl(w.facilitator);
    const r = await ask(ctl, 'me:rotateLink', {});
    expect(r.ok).toBe(true);
    const path = r.ok ? r.path : '';
    expect((await server.purple.workshops.resume(old, server.url)).ok).toBe(false);
    expect((await server.purple.workshops.resume(path.slice(3), server.url)).ok).toBe(true);
    // A second rotation on the same connection makes yet another link.
    const again = await ask(ctl, 'me:rotateLink', {});
    const path2 = again.ok ? again.path : '';
    expect(path2).not.toBe(path);
    expect((await server.purple.workshops.resume(path.slice(3), server.url)).ok).toBe(false);
    expect((await server.purple.workshops.resume(path2.slice(3), server.url)).ok).toBe(true);
    ctl.close();
  });
});

describe('the workshop itself', () => {
  it('lets a facilitator edit the title and question; everyone is told; others may not', async () => {
    const w = await createWorkshop(server);
    const pat = await join(server, w.tokens.people, { name: 'Pat' });
    const patCtl = connectControl(pat);
    let seen: { title: string; question: string } | null = null;
    patCtl.on('workshop:update', (u) => {
      seen = u;
    });
    const fac = connectControl(w.facilitator);
    await waitFor('both', () => fac.connected && patCtl.connected);
    const edit = { title: 'Discharge, together', question: 'What matters most?' };
    expect(await ask(fac, 'workshop:edit', edit)).toEqual({ ok: true });
    await waitFor('told', () => seen !== null);
    expect(seen).toMatchObject(edit);
    expect(await server.purple.store.getWorkshop(w.workshopId)).toMatchObject(edit);
    expect(await ask(patCtl, 'workshop:edit', edit)).toMatchObject({ reason: 'forbidden' });
    for (const s of [fac, patCtl]) s.close();
  });

  it('[I30] deleting a workshop removes every row of every table and closes live connections', async () => {
    const keep = await createWorkshop(server);
    const w = await createWorkshop(server);
    const pat = await join(server, w.tokens.people, { name: 'Pat' });
    const y = connectY(server, pat);
    const fac = connectControl(w.facilitator);
    const patCtl = connectControl(pat);
    await y.synced;
    const a = createCard(y.doc, 'priorities', 'Plain letters');
    const b = createCard(y.doc, 'priorities', 'Delete me');
    await waitFor('stored', () => y.acked() > 0);
    await waitFor('control', () => fac.connected && patCtl.connected);
    const text = readCard(y.doc, a)?.text.toString() ?? '';
    expect(await ask(patCtl, 'card:endorse', { cardId: a, textHash: textHash(text) })).toEqual({
      ok: true,
    });
    expect(await ask(patCtl, 'card:delete', { cardId: b })).toEqual({ ok: true });
    const round = await ask(fac, 'round:open', { section: 'priorities' });
    if (!round.ok) throw new Error(round.message);
    expect(
      await ask(patCtl, 'ballot:cast', {
        roundId: round.roundId,
        cardId: a,
        dots: 1,
        key: 'key-delete-test',
      }),
    ).toMatchObject({ ok: true });

    const before = tableCounts(w.workshopId);
    for (const t of ['updates', 'client_bindings', 'card_events', 'endorsements', 'ballots'])
      expect(before.get(t), t).toBeGreaterThan(0);

    expect(await ask(fac, 'workshop:delete', { confirm: true })).toEqual({ ok: true });
    expect((await y.closed).code).toBe(4412);
    const after = tableCounts(w.workshopId);
    for (const [table, n] of after) expect(n, table).toBe(0);
    expect(after.size).toBeGreaterThanOrEqual(12);
    expect(await server.purple.store.getWorkshop(keep.workshopId)).not.toBeNull();
    expect(await server.purple.workshops.inviteInfo(w.tokens.people)).toMatchObject({ ok: false });
    y.destroy();
    for (const s of [fac, patCtl]) s.close();
  });

  it('[I30] deletes a closed workshop once its retention period has passed, and only then', async () => {
    const w = await createWorkshop(server);
    const open = await createWorkshop(server);
    const fac = connectControl(w.facilitator);
    expect(await ask(fac, 'workshop:close', { closed: true })).toEqual({ ok: true });
    const { retention } = server.purple;
    expect(await retention.sweep()).not.toContain(w.workshopId);
    const day = 24 * 60 * 60 * 1000;
    const swept = await retention.sweep(
      Date.now() + (server.purple.config.retentionDays + 1) * day,
    );
    expect(swept).toContain(w.workshopId);
    expect(swept).not.toContain(open.workshopId);
    expect(await server.purple.store.getWorkshop(w.workshopId)).toBeNull();
    expect(await server.purple.store.getWorkshop(open.workshopId)).not.toBeNull();
    fac.close();
  });
});

/** Rows of one workshop in every table of the database, found from the schema. */
function tableCounts(workshopId: string): Map<string, number> {
  const db = rawDb();
  const tables = (
    db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> 'migrations'",
      )
      .all() as { name: string }[]
  ).map((t) => t.name);
  const out = new Map<string, number>();
  const roundIds = '(select id from rounds where workshop_id = ?)';
  for (const t of tables) {
    const cols = (db.prepare(`pragma table_info(${t})`).all() as { name: string }[]).map(
      (c) => c.name,
    );
    const where =
      t === 'workshops'
        ? 'id = ?'
        : cols.includes('workshop_id')
          ? 'workshop_id = ?'
          : cols.includes('round_id')
            ? `round_id in ${roundIds}`
            : null;
    if (where === null) throw new Error(`table ${t}: no way to tell its workshop`);
    out.set(
      t,
      (db.prepare(`select count(*) as n from ${t} where ${where}`).get(workshopId) as { n: number })
        .n,
    );
  }
  db.close();
  return out;
}

describe('links from before tokens were hashed', () => {
  it('[I28] a legacy personal link is replaced once, when its owner next opens the board', async () => {
    const w = await createWorkshop(server);
    const pat = await join(server, w.tokens.people, { name: 'Pat' });
    const db = new BetterSqlite3(path.join(server.dataDir, 'purple.sqlite'));
    db.prepare('update participants set personal_token = ?, token_gen = 0 where id = ?').run(
      sha256('legacyRandomToken12345'),
      pat.participantId,
    );
    db.close();
    expect((await server.purple.workshops.resume('legacyRandomToken12345', server.url)).ok).toBe(
      true,
    );
    const fresh = await personalToken(pat);
    expect(fresh).not.toBe('legacyRandomToken12345');
    expect((await server.purple.workshops.resume(fresh, server.url)).ok).toBe(true);
    expect(await personalToken(pat)).toBe(fresh); // replaced once, then stable
  });
});
