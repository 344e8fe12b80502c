/**
 * Invariant I66: two instances behind nginx (`deploy/nginx.conf` as it is), clients
 * connected through nginx. In each of 20 trials one instance is killed with SIGKILL in
 * the middle of a burst of edits and ballots; its clients reconnect through nginx to the
 * survivor and carry on. Afterwards no edit anyone saw and no acknowledged ballot is lost,
 * no ballot counts twice, and the killed instance, restarted, serves the whole board and
 * hears the survivor's edits.
 */

import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCard, readBoard } from '../../lib/board/doc';
import type { ClientToServerEvents, ServerToClientEvents } from '../../lib/protocol/events';
import { PROTOCOL_VERSION } from '../../lib/protocol/reasons';
import { receiveWelcome } from '../../lib/protocol/welcome';
import { startNginx, type TestNginx } from '../../scripts/ensureNginx';
import {
  at,
  type ClusterEnv,
  clusterEnv,
  type Instance,
  query,
  startInstance,
} from './clusterHarness';
import {
  type Actor,
  connectY,
  createWorkshop,
  join,
  type TestWorkshop,
  waitFor,
  type YClient,
} from './harness';

const TRIALS = Number(process.env.PURPLE_KILL_TRIALS ?? 20);
const BURST = 30;
const CASTS = 12;

let env: ClusterEnv;
let instances: Instance[] = [];
let nginx: TestNginx;
let w: TestWorkshop;
const writers: Actor[] = [];
const watchers: Actor[] = [];
const voters: Actor[] = [];

beforeAll(async () => {
  env = await clusterEnv();
  const setup = await env.setupServer();
  w = await createWorkshop(setup);
  for (let i = 0; i < 2; i++) {
    writers.push(await join(setup, w.tokens.people, { name: `Writer ${i}` }));
    watchers.push(await join(setup, w.tokens.system, { name: `Watcher ${i}` }));
    voters.push(await join(setup, w.tokens.people, { name: `Voter ${i}` }));
  }
  await setup.close();
  instances = await Promise.all([startInstance(env), startInstance(env)]);
  nginx = await startNginx(instances.map((i) => `127.0.0.1:${i.port}`));
}, 120_000);

afterAll(async () => {
  await nginx?.stop();
  await Promise.all(instances.map((i) => i.kill()));
  await env?.cleanup();
});

type Control = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A control socket through nginx that reconnects, and resends unacknowledged casts. */
function voterSocket(actor: Actor): Control {
  const socket: Control = io(nginx.url, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: { workshopId: actor.workshopId, protocol: PROTOCOL_VERSION },
    extraHeaders: { cookie: actor.cookie, origin: nginx.url },
    forceNew: true,
    reconnectionDelay: 200,
    reconnectionDelayMax: 1000,
    // Each cast is resent, with the same key, until it is acknowledged.
    ackTimeout: 3000,
    retries: 20,
  });
  receiveWelcome(socket);
  return socket;
}

/** Everything this client wrote is acknowledged as stored. */
const allSaved = (c: YClient) => c.acked() >= Y.getState(c.doc.store, c.doc.clientID) - 1;

it(`[I66] kill -9 of one instance mid-burst, ${TRIALS} trials: nothing seen or acknowledged is lost`, async () => {
  const viaNginx = (a: Actor) => at(a, nginx.url);
  const fac = connectY({ url: nginx.url }, viaNginx(w.facilitator));
  await fac.synced;
  const ballotCards = voters.map((_, i) => createCard(fac.doc, 'priorities', `Vote card ${i}`));
  await waitFor('cards saved', () => allSaved(fac));
  const facControl = voterSocket(w.facilitator);
  const opened = await facControl.emitWithAck('round:open', {
    section: 'priorities',
    budget: 12,
    perCardCap: 12,
  } as never);
  if (!opened.ok) throw new Error(opened.message);
  const roundId = (opened as { roundId: string }).roundId;
  fac.destroy();

  let seenTotal = 0;
  let lostSeen = 0;
  let lostAcked = 0;
  let reconnects = 0;
  for (let trial = 0; trial < TRIALS; trial++) {
    const victimIndex = trial % 2;
    const victim = instances[victimIndex] as Instance;
    const ys = [...writers, ...watchers].map((a) => connectY({ url: nginx.url }, viaNginx(a)));
    const [writerClients, watcherClients] = [ys.slice(0, 2), ys.slice(2)];
    for (const y of ys)
      y.provider.on('status', (e: { status: string }) => {
        if (e.status === 'connected') reconnects++;
      });
    await Promise.all(ys.map((y) => y.synced));
    reconnects -= ys.length;
    const sockets = voters.map(voterSocket);
    await waitFor('voters connected', () => sockets.every((s) => s.connected));

    const watcher = watcherClients[0] as YClient;
    const before = readBoard(watcher.doc).length;
    const killAfter = 1 + Math.floor(Math.random() * BURST);
    const seen = new Map<string, string>();
    let killed: Promise<void> | null = null;
    watcher.doc.on('update', () => {
      if (killed) return;
      const cards = readBoard(watcher.doc);
      if (cards.length - before < killAfter) return;
      for (const c of cards) seen.set(c.id, c.text);
      killed = victim.kill();
    });
    // The burst: edits from both writers, and each voter's casts one after another.
    for (let i = 0; i < BURST; i++)
      for (const [n, y] of writerClients.entries())
        createCard(y.doc, 'context', `trial ${trial} writer ${n} edit ${i}`);
    const lastDots = new Map<string, number>();
    const votes = sockets.map(async (s, v) => {
      for (let i = 0; i < CASTS; i++) {
        const dots = (trial + i + v) % 5;
        const key = `trial-${trial}-voter-${v}-cast-${i}`;
        const ack = await s.emitWithAck('ballot:cast', {
          roundId,
          cardId: ballotCards[v] as string,
          dots,
          key,
        });
        if (ack.ok) lastDots.set(voters[v]?.participantId as string, dots);
      }
    });
    await waitFor('the kill', () => killed !== null, 30_000);
    const killedAt = Date.now();
    await killed;
    // The survivors take every client: all edits stored, every cast answered.
    await waitFor('every edit saved', () => writerClients.every(allSaved), 60_000);
    await Promise.all(votes);
    const resynced = Date.now() - killedAt;
    seenTotal += seen.size;

    // Restart the victim on its port; nginx sends it clients again, and it serves the
    // whole board from the database.
    const restarting = Date.now();
    instances[victimIndex] = await startInstance(env, victim.port);
    const restart = Date.now() - restarting;
    const restarted = instances[victimIndex] as Instance;
    const other = instances[1 - victimIndex] as Instance;
    const reader = connectY(restarted, at(watchers[1] as Actor, restarted.url));
    await reader.synced;
    const after = new Map(readBoard(reader.doc).map((c) => [c.id, c.text]));
    for (const [id, text] of seen) if (after.get(id) !== text) lostSeen++;
    for (const y of writerClients)
      for (const c of readBoard(y.doc)) if (after.get(c.id) !== c.text) lostSeen++;
    // It rejoined: an edit on the survivor reaches a client on it.
    const poke = connectY(other, at(writers[0] as Actor, other.url));
    await poke.synced;
    const pokeCard = createCard(poke.doc, 'indicators', `rejoined ${trial}`);
    await waitFor('edit from the survivor', () =>
      readBoard(reader.doc).some((c) => c.id === pokeCard),
    );
    // Acknowledged ballots: the stored dots are each voter's last acknowledged cast.
    const rows = await query<{ participant_id: string; dots: number }>(
      env,
      'select participant_id, dots from ballots where round_id = $1',
      [roundId],
    );
    for (const [pid, dots] of lastDots)
      if ((rows.find((r) => r.participant_id === pid)?.dots ?? 0) !== dots) lostAcked++;
    // Figures for the report, never asserted.
    console.log(
      `trial ${trial}: kill → every edit saved and cast answered ${resynced} ms; restart ${restart} ms`,
    );
    for (const c of [...ys, reader, poke]) c.destroy();
    for (const s of sockets) s.disconnect();
  }
  // No key counted twice: one stored key per acknowledged cast.
  const dupes = await query<{ n: string }>(
    env,
    'select count(*) - count(distinct (participant_id, key)) as n from ballot_keys where round_id = $1',
    [roundId],
  );
  facControl.disconnect();
  expect(seenTotal).toBeGreaterThan(TRIALS);
  expect(reconnects).toBeGreaterThan(0);
  expect(lostSeen).toBe(0);
  expect(lostAcked).toBe(0);
  expect(Number(dupes[0]?.n)).toBe(0);
  // nginx never turned a client away while one instance was up. With its passive health
  // marks (max_fails=1), a restarted instance stayed marked down while its test connection
  // (a WebSocket) lived, and from trial 2 on every client was refused for 15-30 s.
  const turnedAway = nginx
    .errors()
    .split('\n')
    .filter((l) => l.includes('no live upstreams'));
  expect(turnedAway.length, turnedAway.slice(0, 3).join('\n')).toBe(0);
  // A test timeout, not a speed check: each trial restarts a server process (about 1 s
  // alone, 5-11 s on a loaded two-core machine); 20 trials took 38 s alone, and 10.5 min
  // on a loaded machine while nginx still turned clients away.
}, 1_800_000);
