/**
 * Invariant I1: an edit that any other participant has seen survives `kill -9` of the
 * server. The server runs as a real child process; it is killed with SIGKILL the moment
 * an observing client has seen a random number of edits from a burst, then restarted.
 * Runs on the SQLite file and on Postgres (issue 12). Typing into a card takes the SQLite
 * store's journal (I92): a second case kills the server during a burst of keystrokes.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cardText, createCard, readBoard, readCard } from '../../lib/board/doc';
import { ensurePostgres, freshSchema } from '../../scripts/ensurePostgres';
import { waitFor } from './clients';
import { type Actor, connectY, createWorkshop, join, startTestServer } from './harness';

const TRIALS = 6;
const BURST = 60;
const dataDir = mkdtempSync(path.join(tmpdir(), 'purple-kill-'));
const root = path.resolve(import.meta.dirname, '../..');

const postgres = await ensurePostgres();
const { schema, drop } = await freshSchema(postgres.url);
const pgUrl = new URL(postgres.url);
pgUrl.searchParams.set('options', `-c search_path=${schema}`);

afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await drop();
  await postgres.stop();
});

function startChild(databaseUrl?: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts', '--no-next'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PURPLE_LOG: 'silent',
      CARDS_PER_MINUTE: '1000000',
      DATABASE_URL: databaseUrl ?? '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d) => {
      out += String(d);
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`server exited early (${code}): ${out}`)));
  });
}

function withBase(actor: Actor, url: string): Actor {
  return { ...actor, baseUrl: url };
}

describe.each([
  ['SQLite', undefined],
  ['Postgres', pgUrl.toString()],
])('durability under kill -9 on %s', (_, databaseUrl) => {
  it(`loses no seen edit over ${TRIALS} trials`, async () => {
    // Set up the workshop with an in-process server on the same data directory.
    const setup = await startTestServer(dataDir, { databaseUrl });
    const w = await createWorkshop(setup);
    const writerActor = await join(setup, w.tokens.people, { name: 'Wren' });
    const watcherActor = await join(setup, w.tokens.system, { name: 'Wat' });
    await setup.close();

    let lost = 0;
    let seenTotal = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const { child, url } = await startChild(databaseUrl);
      const writer = connectY({ url }, withBase(writerActor, url));
      const watcher = connectY({ url }, withBase(watcherActor, url));
      await Promise.all([writer.synced, watcher.synced]);
      const before = readBoard(watcher.doc).length;
      const killAfter = 1 + Math.floor(Math.random() * BURST);
      const seen = new Map<string, string>();
      const exited = new Promise((r) => child.on('exit', r));
      watcher.doc.on('update', () => {
        if (child.exitCode !== null || child.signalCode) return;
        const cards = readBoard(watcher.doc);
        if (cards.length - before >= killAfter) {
          child.kill('SIGKILL');
          for (const c of cards) seen.set(c.id, c.text);
        }
      });
      for (let i = 0; i < BURST; i++)
        createCard(writer.doc, 'priorities', `trial ${trial} edit ${i}`);
      await exited;
      writer.destroy();
      watcher.destroy();

      const again = await startChild(databaseUrl);
      const reader = connectY({ url: again.url }, withBase(watcherActor, again.url));
      await reader.synced;
      const after = new Map(readBoard(reader.doc).map((c) => [c.id, c.text]));
      for (const [id, text] of seen) if (after.get(id) !== text) lost++;
      seenTotal += seen.size;
      reader.destroy();
      again.child.kill('SIGKILL');
      await new Promise((r) => again.child.on('exit', r));
    }
    expect(seenTotal).toBeGreaterThan(TRIALS);
    expect(lost).toBe(0);
    // Each trial starts two server processes; on a busy two-core machine one start took 7 s.
  }, 180_000);
});

describe('durability under kill -9 while typing (the journal, I92)', () => {
  it(`loses no seen keystroke over ${TRIALS} trials`, async () => {
    const setup = await startTestServer(dataDir);
    const w = await createWorkshop(setup);
    const writerActor = await join(setup, w.tokens.people, { name: 'Tam' });
    const watcherActor = await join(setup, w.tokens.system, { name: 'Sol' });
    await setup.close();

    let lost = 0;
    let seenTotal = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const { child, url } = await startChild();
      const writer = connectY({ url }, withBase(writerActor, url));
      const watcher = connectY({ url }, withBase(watcherActor, url));
      await Promise.all([writer.synced, watcher.synced]);
      // The card (a new card and a new clientID take the plain path), stored first.
      const id = createCard(writer.doc, 'priorities', '');
      await waitFor(
        'the card stored',
        () => writer.acked() >= Y.getState(writer.doc.store, writer.doc.clientID),
      );
      await waitFor('the card seen', () => readCard(watcher.doc, id) !== null);
      const killAfter = 1 + Math.floor(Math.random() * BURST);
      let seen = '';
      const exited = new Promise((r) => child.on('exit', r));
      watcher.doc.on('update', () => {
        if (child.exitCode !== null || child.signalCode) return;
        const text = readCard(watcher.doc, id)?.text ?? '';
        if (text.length >= killAfter * 2) {
          child.kill('SIGKILL');
          seen = text;
        }
      });
      // One keystroke per update, as a person types.
      for (let i = 0; i < BURST; i++) cardText(writer.doc, id)?.insert(i * 2, `${i % 10};`);
      await exited;
      writer.destroy();
      watcher.destroy();

      const again = await startChild();
      const reader = connectY({ url: again.url }, withBase(watcherActor, again.url));
      await reader.synced;
      const after = readCard(reader.doc, id)?.text ?? '';
      if (!after.startsWith(seen)) lost++;
      seenTotal += seen.length / 2;
      reader.destroy();
      again.child.kill('SIGKILL');
      await new Promise((r) => again.child.on('exit', r));
    }
    expect(seenTotal).toBeGreaterThan(TRIALS);
    expect(lost).toBe(0);
  }, 300_000);
});
