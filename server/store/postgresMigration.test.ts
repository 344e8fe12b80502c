/**
 * Migrations 5, 7, 8 and 9 on Postgres (issue 12) over a database that version 2 made and that
 * holds data: tokens are hashed in place (I28), rounds get the default divergence threshold,
 * and refused idempotency keys are dropped while accepted ones stay.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { ensurePostgres, freshSchema } from '../../scripts/ensurePostgres';
import { hashToken } from './peopleMigration';
import { openPostgresStore } from './postgresStore';
import { type Database, MIGRATIONS } from './schema';

const server = await ensurePostgres();
const { schema, drop } = await freshSchema(server.url);
afterAll(async () => {
  await drop();
  await server.stop();
});

/** Versions 1 and 2 only, with a workshop, a legacy invite and person, a round and keys. */
async function version2Database(): Promise<void> {
  const pool = new pg.Pool({ connectionString: server.url, options: `-c search_path=${schema}` });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await db.schema
    .createTable('migrations')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  for (const m of MIGRATIONS.filter((x) => x.version <= 2)) {
    await m.up(db, 'postgres');
    await db.insertInto('migrations').values({ version: m.version, applied_at: 'then' }).execute();
  }
  const run = (text: string) => sql.raw(text).execute(db);
  await run("insert into workshops values ('w1', 'T', 'Q', 'x')");
  await run("insert into invites values ('i1', 'w1', 'people', 'legacyInviteToken123', 'x', null)");
  await run(
    "insert into participants values ('p1', 'w1', 'i1', 'Pat', 0, null, 'people', 'facilitator', 'legacyPersonalToken99', 'x', null)",
  );
  await run(
    "insert into rounds values ('r1', 'w1', 'priorities', 5, 3, null, 'hidden', 'x', 'p1', null)",
  );
  await run("insert into round_candidates values ('r1', 'c1', 'One', 0, null)");
  await run("insert into ballots values ('r1', 'p1', 'c1', 2)");
  await run(
    "insert into ballot_keys values ('r1', 'p1', 'kept-key-1', 'c1', 2, 1, null, 2, 3, 'x')",
  );
  await run("insert into attributions values ('w1', 1, 'p1', 'c1', 4, 0)");
  for (let i = 0; i < 20; i++)
    await run(
      `insert into ballot_keys values ('r1', 'p1', 'refused-${i}', 'card-${i}', 9, 0, 'overCap', null, null, 'x')`,
    );
  await db.destroy();
}

it('[I28] migrations 5, 7, 8 and 9 upgrade a version-2 Postgres database that holds data', async () => {
  await version2Database();
  let applied: number[] = [];
  const store = await openPostgresStore({
    connectionString: server.url,
    schema,
    onMigrated: (v) => {
      applied = v;
    },
  });
  expect(applied).toEqual([5, 7, 8, 9, 11, 12, 17]);
  expect(applied).toEqual(MIGRATIONS.filter((m) => m.version > 2).map((m) => m.version));
  expect(await store.getInviteByToken(hashToken('legacyInviteToken123'))).toMatchObject({
    id: 'i1',
  });
  expect(await store.getInviteByToken('legacyInviteToken123')).toBeNull();
  expect(
    await store.getParticipantByPersonalToken(hashToken('legacyPersonalToken99')),
  ).toMatchObject({ id: 'p1', name: 'Pat' });
  expect(await store.getRound('w1', 'r1')).toMatchObject({ divergencePoints: 15, frozen: null });
  expect(await store.listCandidates('r1')).toEqual([
    { roundId: 'r1', cardId: 'c1', text: 'One', position: 0, removedAt: null, addedAt: null },
  ]);
  expect(await store.countBallotKeys('r1')).toBe(1);
  expect(
    await store.castBallot({
      workshopId: 'w1',
      roundId: 'r1',
      participantId: 'p1',
      cardId: 'c1',
      dots: 1,
      key: 'kept-key-1',
      now: '2026-11-01T10:00:00.000Z',
    }),
  ).toMatchObject({ ok: true, dotsOnCard: 2, replayed: true });
  // Migrations 7 (card history) and 9 (summary settings) made working tables.
  await store.recordRevert({
    workshopId: 'w1',
    seq: 1,
    cardId: 'c1',
    participantId: 'p1',
    toSeq: 0,
    at: '2026-11-01T10:00:00.000Z',
  });
  expect(await store.listReverts('w1', 'c1')).toHaveLength(1);
  // Migration 17: attribution rows made before records are the card's text.
  expect(await store.attributionsForCard('w1', 'c1', 0)).toEqual([
    { seq: 1, participantId: 'p1', cardId: 'c1', field: 'text', inserted: 4, deleted: 0 },
  ]);
  await store.putSummarySettings({ workshopId: 'w1', shareDraft: true, finalAt: null });
  expect(await store.getSummarySettings('w1')).toMatchObject({ shareDraft: true });
  await store.close();
});
