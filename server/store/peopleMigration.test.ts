import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { hashToken } from './peopleMigration';
import { type Database, MIGRATIONS } from './schema';
import { openSqliteStore } from './sqliteStore';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A database as it was before migration 5, with one workshop, invite and participant. */
async function legacyDatabase(file: string): Promise<void> {
  const raw = new BetterSqlite3(file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  await db.schema
    .createTable('migrations')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  for (const m of MIGRATIONS.filter((x) => x.version < 5)) {
    await m.up(db, 'sqlite');
    await db.insertInto('migrations').values({ version: m.version, applied_at: 'then' }).execute();
  }
  raw
    .prepare("insert into workshops (id, title, question, created_at) values ('w1', 'T', 'Q', 'x')")
    .run();
  raw
    .prepare(
      "insert into invites (id, workshop_id, kind, token, created_at) values ('i1', 'w1', 'people', 'legacyInviteToken123', 'x')",
    )
    .run();
  raw
    .prepare(
      "insert into participants (id, workshop_id, invite_id, name, anonymous, group_name, capability, personal_token, created_at) values ('p1', 'w1', 'i1', 'Pat', 0, 'people', 'contributor', 'legacyPersonalToken99', 'x')",
    )
    .run();
  await db.destroy();
}

describe('migration 5', () => {
  it('[I28] hashes existing tokens in place: old links keep working, the file holds no token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'purple-m5-'));
    dirs.push(dir);
    const file = join(dir, 'purple.sqlite');
    await legacyDatabase(file);
    const store = await openSqliteStore({ file });
    expect(await store.getInviteByToken(hashToken('legacyInviteToken123'))).toMatchObject({
      id: 'i1',
    });
    expect(
      await store.getParticipantByPersonalToken(hashToken('legacyPersonalToken99')),
    ).toMatchObject({ id: 'p1', name: 'Pat' });
    expect(await store.getInviteByToken('legacyInviteToken123')).toBeNull();
    await store.close();
    const raw = new BetterSqlite3(file, { readonly: true });
    const dump = JSON.stringify([
      raw.prepare('select * from invites').all(),
      raw.prepare('select * from participants').all(),
    ]);
    raw.close();
    expect(dump).not.toMatch(/legacyInviteToken123|legacyPersonalToken99/);
  });
});
