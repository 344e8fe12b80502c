/**
 * `npm run migrate` (issue 12): applies every migration to the configured store and exits,
 * with the same schema history on SQLite and Postgres; a second run applies nothing.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { ensurePostgres, freshSchema } from '../../scripts/ensurePostgres';
import { MIGRATIONS } from '../../server/store/schema';

const root = path.resolve(import.meta.dirname, '../..');
const postgres = await ensurePostgres();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
  await postgres.stop();
});

async function migrate(env: Record<string, string>): Promise<string> {
  const { DATABASE_URL: _, ...rest } = process.env;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'scripts/migrate.ts'],
    { cwd: root, env: { ...rest, ...env } },
  );
  return stdout.trim();
}

const versions = MIGRATIONS.map((m) => m.version);
const latest = `schema is at version ${versions.at(-1)}`;

describe('npm run migrate', () => {
  it('gives SQLite and Postgres the same schema history, and is idempotent', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'purple-migrate-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    expect(await migrate({ DATA_DIR: dataDir })).toContain(
      `applied migrations ${versions.join(', ')}`,
    );
    expect(await migrate({ DATA_DIR: dataDir })).toContain(`nothing to apply; ${latest}`);
    const file = new BetterSqlite3(path.join(dataDir, 'purple.sqlite'));
    const sqliteHistory = file.prepare('select version from migrations order by version').all();
    file.close();

    const { schema, drop } = await freshSchema(postgres.url);
    cleanups.push(drop);
    const url = new URL(postgres.url);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const env = { DATA_DIR: dataDir, DATABASE_URL: url.toString() };
    expect(await migrate(env)).toContain(
      `Postgres (DATABASE_URL): applied migrations ${versions.join(', ')}`,
    );
    expect(await migrate(env)).toContain(`nothing to apply; ${latest}`);
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    const pgHistory = await client.query(
      `select version from "${schema}".migrations order by version`,
    );
    await client.end();

    // Spelled out, so a merge that drops a migration (history 7, summary 9) fails here.
    expect(versions).toEqual([1, 2, 5, 7, 8, 9, 11, 12, 17]);
    expect(sqliteHistory).toEqual(versions.map((version) => ({ version })));
    expect(pgHistory.rows).toEqual(sqliteHistory);
  });
});
