/**
 * Card history over real sockets (issue 13, ARCHITECTURE I31–I32): every version with who
 * changed it, kept through compaction and a restart, and restoring a version as a new edit.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { applyTextEdit, createCard, readCard } from '../../lib/board/doc';
import {
  ask,
  colourSeenBy,
  connectControl,
  connectY,
  createWorkshop,
  join,
  startTestServer,
  stopTestServer,
  type TestServer,
  waitFor,
} from './harness';

let server: TestServer | null = null;
afterEach(async () => {
  if (server) await stopTestServer(server);
  server = null;
});

/** Priya (lived experience) writes a card; Alex (staff) selects it all and retypes it. */
async function retypedCard(s: TestServer) {
  const w = await createWorkshop(s);
  const priyaActor = await join(s, w.tokens.people, { name: 'Priya' });
  const alexActor = await join(s, w.tokens.system, { name: 'Alex' });
  const priya = connectY(s, priyaActor);
  const alex = connectY(s, alexActor);
  await Promise.all([priya.synced, alex.synced]);
  const id = createCard(priya.doc, 'context', 'Buses stop at 6pm');
  await waitFor('alex sees the card', () => readCard(alex.doc, id) !== null);
  await new Promise((r) => setTimeout(r, 50));
  applyTextEdit(alex.doc, id, 'Transport is under review');
  await waitFor(
    'priya sees the retype',
    () => readCard(priya.doc, id)?.text.startsWith('T') ?? false,
  );
  await waitFor('stored', () => priya.acked() > 0 && alex.acked() > 0);
  return { w, id, priya, alex, priyaActor, alexActor };
}

describe('card history', () => {
  it('[I31] shows each version with its author by group, including text that was replaced', async () => {
    server = await startTestServer();
    const { w, id, priya, alex, priyaActor } = await retypedCard(server);
    const observer = await join(server, w.tokens.observer, { name: 'Olu' });
    const asPriya = await ask(connectControl(priyaActor), 'card:history', { cardId: id });
    const asObserver = await ask(connectControl(observer), 'card:history', { cardId: id });
    if (!asPriya.ok || !asObserver.ok) throw new Error('history refused');
    expect(asObserver.history.versions.map((v) => [v.text, v.group, v.by])).toEqual([
      ['Buses stop at 6pm', 'people', 'A participant (Lived experience)'],
      ['Transport is under review', 'system', 'A participant (Staff)'],
    ]);
    expect(asPriya.history.versions[0]?.by).toBe('You');
    expect(asPriya.history.mayRestore).toBe(true);
    expect(asObserver.history.mayRestore).toBe(false);
    const missing = await ask(connectControl(observer), 'card:history', { cardId: 'nope' });
    expect(missing).toMatchObject({ ok: false, reason: 'unknownCard' });
    priya.destroy();
    alex.destroy();
  });

  it('[I32] keeps every version through compaction and a restart', async () => {
    server = await startTestServer(undefined, { compactEvery: 2 });
    const { id, priya, alex, priyaActor } = await retypedCard(server);
    applyTextEdit(alex.doc, id, 'Transport is under review now');
    await waitFor('priya sees it', () => readCard(priya.doc, id)?.text.endsWith('now') ?? false);
    priya.destroy();
    alex.destroy();
    const dataDir = server.dataDir;
    await server.close();
    server = await startTestServer(dataDir, { compactEvery: 2 });
    const again = await ask(
      connectControl({ ...priyaActor, baseUrl: server.url }),
      'card:history',
      {
        cardId: id,
      },
    );
    if (!again.ok) throw new Error(again.message);
    expect(again.history.versions.map((v) => v.text)).toEqual([
      'Buses stop at 6pm',
      'Transport is under review now',
    ]);
  });

  it('[I33] a co-author restores a version as a new edit; the restored words keep their writer', async () => {
    server = await startTestServer();
    const { w, id, priya, alex, alexActor } = await retypedCard(server);
    expect(colourSeenBy(priya, id)).toBe('system');
    const sam = await join(server, w.tokens.people, { name: 'Sam' });
    const samCtl = connectControl(sam);
    const alexCtl = connectControl(alexActor);
    const before = await ask(alexCtl, 'card:history', { cardId: id });
    if (!before.ok) throw new Error(before.message);
    const first = before.history.versions[0];
    if (!first) throw new Error('no first version');
    expect(await ask(samCtl, 'card:revert', { cardId: id, seq: first.seq })).toMatchObject({
      ok: false,
      reason: 'forbidden',
    });
    expect(await ask(alexCtl, 'card:revert', { cardId: id, seq: 999 })).toMatchObject({
      ok: false,
      reason: 'unknownVersion',
    });
    // Alex (staff) restores Priya's words: Alex did it, but the words are still hers.
    expect(await ask(alexCtl, 'card:revert', { cardId: id, seq: first.seq })).toEqual({
      ok: true,
    });
    await waitFor(
      'priya sees the restore',
      () => readCard(priya.doc, id)?.text === 'Buses stop at 6pm',
    );
    await waitFor('pink again', () => colourSeenBy(priya, id) === 'people');
    expect(colourSeenBy(alex, id)).toBe('people');
    const after = await ask(samCtl, 'card:history', { cardId: id });
    if (!after.ok) throw new Error(after.message);
    expect(after.history.versions.at(-1)).toMatchObject({
      text: 'Buses stop at 6pm',
      group: 'system',
      by: 'A participant (Staff)',
      restoredFrom: first.seq,
    });
    priya.destroy();
    alex.destroy();
  });

  it('[I31] tells the authors, gently, when the other group replaced most of their card', async () => {
    server = await startTestServer();
    const w = await createWorkshop(server);
    const priyaActor = await join(server, w.tokens.people, { name: 'Priya' });
    const alexActor = await join(server, w.tokens.system, { name: 'Alex' });
    const notices: { to: string; message: string }[] = [];
    const priyaCtl = connectControl(priyaActor, (event, payload) => {
      if (event === 'card:notice')
        notices.push({ to: 'priya', ...(payload as { message: string }) });
    });
    connectControl(alexActor, (event, payload) => {
      if (event === 'card:notice')
        notices.push({ to: 'alex', ...(payload as { message: string }) });
    });
    await new Promise<void>((r) => priyaCtl.on('connect', () => r()));
    const priya = connectY(server, priyaActor);
    const alex = connectY(server, alexActor);
    await Promise.all([priya.synced, alex.synced]);
    const id = createCard(priya.doc, 'context', 'Buses stop at 6pm on weekdays');
    await waitFor('alex sees it', () => readCard(alex.doc, id) !== null);
    // A small edit by the other group is no reason to write to anyone.
    applyTextEdit(alex.doc, id, 'Buses stop at 6pm on weekdays.');
    await waitFor('priya sees the dot', () => readCard(priya.doc, id)?.text.endsWith('.') ?? false);
    expect(notices).toEqual([]);
    applyTextEdit(alex.doc, id, 'Transport is under review');
    await waitFor('the notice', () => notices.length > 0);
    expect(notices).toEqual([
      {
        to: 'priya',
        cardId: id,
        message: 'A participant (Staff) changed most of your card. See what changed.',
      },
    ]);
    priya.destroy();
    alex.destroy();
  });
});
