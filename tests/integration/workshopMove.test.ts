/**
 * Moving a workshop from SQLite to Postgres with one command each way (issue 12, I61):
 * a workshop with cards, endorsements, attribution, a closed vote and records (a decision
 * with an outcome and an action, an indicator with a reading, a closed priority), built
 * through the real server on SQLite, exported with `npm run workshop -- export`, imported
 * into a fresh Postgres schema with `npm run workshop -- import`, then served from
 * Postgres: the summary model and the records are identical, and its people can join and
 * edit there.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createCard, readBoard } from '../../lib/board/doc';
import type { RecordsView } from '../../lib/protocol/recordEvents';
import { ensurePostgres, freshSchema } from '../../scripts/ensurePostgres';
import { purple } from '../../server/facade';
import { type Actor, ask, connectY, startTestServer, type TestServer, waitFor } from './harness';
import { cookieOf, seedSummaryWorkshop } from './summarySeed';
import { client, settle } from './votingSetup';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const postgres = await ensurePostgres();
const { schema, drop } = await freshSchema(postgres.url);
const pgUrl = new URL(postgres.url);
pgUrl.searchParams.set('options', `-c search_path=${schema}`);
const dataDir = mkdtempSync(path.join(tmpdir(), 'purple-move-'));

afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await drop();
  await postgres.stop();
});

/** `npm run workshop -- <args>` against SQLite in dataDir, or Postgres when `databaseUrl`. */
async function workshopCommand(args: string[], databaseUrl = '') {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'scripts/workshop.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
    });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

async function summaryOf(server: TestServer, workshopId: string, cookie: string) {
  expect(purple()).toBe(server.purple.workshops);
  const r = await purple().summary(workshopId, cookie);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

/** The records as `actor` sees them on `server` (the welcome `records:update`). */
async function recordsOf(server: TestServer, actor: Actor): Promise<RecordsView> {
  const c = client({ ...actor, baseUrl: server.url });
  try {
    return await settle<RecordsView>(c, 'records:update');
  } finally {
    c.socket.disconnect();
  }
}

/** Records through the real server: an outcome and an action, a reading, a closure. */
async function seedRecords(
  server: TestServer,
  seed: Awaited<ReturnType<typeof seedSummaryWorkshop>>,
) {
  const fac = client({ ...seed.w.facilitator, baseUrl: server.url });
  const { decision, indicator, staffOnly } = seed.ids;
  const answers = [
    await ask(fac.socket, 'outcome:save', { decisionId: decision, outcome: 'agreed' }),
    await ask(fac.socket, 'action:add', {
      decisionId: decision,
      what: 'Ring the ward',
      who: 'Ward manager',
      byWhen: '2027-03-01',
    }),
    await ask(fac.socket, 'reading:add', {
      indicatorId: indicator,
      value: 42.5,
      date: '2026-11-01',
    }),
    await ask(fac.socket, 'priority:close', {
      cardId: staffOnly,
      closed: true,
      reason: 'Rotas are not ours to set',
    }),
  ];
  fac.socket.disconnect();
  for (const a of answers) expect(a).toMatchObject({ ok: true });
}

describe('moving a workshop from SQLite to Postgres (I61)', () => {
  it('[I61] one command out, one in: the same summary, and people carry on there', async () => {
    const built = await startTestServer(dataDir);
    const seed = await seedSummaryWorkshop(built);
    const id = seed.w.workshopId;
    const fay = cookieOf(seed.w.facilitator);
    await seedRecords(built, seed);
    // Stopping a server compacts its boards: read the "before" from the file as it stays.
    await built.close();
    const sqlite = await startTestServer(dataDir);
    const before = await summaryOf(sqlite, id, fay);
    const reader = connectY(sqlite, { ...seed.w.facilitator, baseUrl: sqlite.url });
    await reader.synced;
    const board = readBoard(reader.doc);
    reader.destroy();
    const records = await recordsOf(sqlite, seed.w.facilitator);
    // The summary seed holds records of its own; these add one of each kind on top.
    for (const list of [records.outcomes, records.actions, records.readings, records.closures])
      expect(list.length).toBeGreaterThanOrEqual(1);
    expect(records.actions.map((a) => a.what)).toContain('Ring the ward');
    expect(records.closures.map((c) => c.reason)).toContain('Rotas are not ours to set');
    await sqlite.close();

    const file = path.join(dataDir, 'workshop.json');
    const exported = await workshopCommand(['export', id, '--out', file]);
    expect(exported).toMatchObject({ code: 0 });
    expect(exported.out).toMatch(/Exported workshop/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await workshopCommand(['import', file], pgUrl.toString())).toMatchObject({ code: 0 });
    const again = await workshopCommand(['import', file], pgUrl.toString());
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/already in Postgres.*nothing was written/);

    const pg = await startTestServer(dataDir, { databaseUrl: pgUrl.toString() });
    const after = await summaryOf(pg, id, fay);
    const undated = (s: typeof after) => ({ ...s, model: { ...s.model, generatedAt: '' } });
    expect(after.model.generatedAt > before.model.generatedAt).toBe(true);
    expect(undated(after)).toEqual(undated(before));
    expect(await recordsOf(pg, seed.w.facilitator)).toEqual(records);
    // Ann and Fay come back on the Postgres server with the links and cookies they had.
    const annY = connectY(pg, { ...seed.ann, baseUrl: pg.url });
    const fayY = connectY(pg, { ...seed.w.facilitator, baseUrl: pg.url });
    await Promise.all([annY.synced, fayY.synced]);
    expect(readBoard(annY.doc)).toEqual(board);
    const card = createCard(annY.doc, 'priorities', 'Written after the move');
    await waitFor('the new card reaches Fay', () => readBoard(fayY.doc).some((c) => c.id === card));
    await waitFor('the edit is stored', () => annY.acked() > 0);
    annY.destroy();
    fayY.destroy();
    await pg.close();
  });
});
