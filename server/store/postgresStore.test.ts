import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { answers, ensurePostgres, freshSchema, startThrowaway } from '../../scripts/ensurePostgres';
import { openStore } from './openStore';
import { openPostgresStore } from './postgresStore';
import { MIGRATIONS } from './schema';
import { storeContract } from './store.contract';

const server = await ensurePostgres();
afterAll(() => server.stop());

let drops: (() => Promise<void>)[] = [];
let contractSchema: string | null = null;

/**
 * A fresh, empty store for each contract test: one schema of this run's own, migrated once
 * and emptied between tests (quicker than migrating a new schema every time), dropped at
 * the end.
 */
async function open() {
  if (contractSchema === null) {
    const { schema, drop } = await freshSchema(server.url);
    drops.push(drop);
    contractSchema = schema;
  } else await emptySchema(contractSchema);
  return openPostgresStore({ connectionString: server.url, schema: contractSchema });
}

/** Delete every row of every table in `schema`, except the migration history. */
async function emptySchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      "select tablename from pg_tables where schemaname = $1 and tablename <> 'migrations'",
      [schema],
    );
    const tables = rows.map((r) => `"${schema}"."${r.tablename}"`).join(', ');
    await client.query(`truncate table ${tables} restart identity cascade`);
  } finally {
    await client.end();
  }
}

async function dropSchemas(): Promise<void> {
  for (const drop of drops) await drop();
  drops = [];
  contractSchema = null;
}

storeContract(`postgres (${server.source})`, open);
afterAll(dropSchemas);

describe('postgres store specifics', () => {
  afterAll(dropSchemas);

  it('runs every migration, and a second open on the same schema applies none', async () => {
    const { schema, drop } = await freshSchema(server.url);
    drops.push(drop);
    const first = await openPostgresStore({ connectionString: server.url, schema });
    await first.close();
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const rows = await client.query(`select version from "${schema}".migrations order by version`);
    await client.end();
    expect(rows.rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    const again = await openPostgresStore({ connectionString: server.url, schema });
    expect(await again.lastSeq('nothing')).toBe(0);
    await again.close();
  });

  it('two stores (as two instances) opening one schema at once both migrate safely', async () => {
    const { schema, drop } = await freshSchema(server.url);
    drops.push(drop);
    const [a, b] = await Promise.all([
      openPostgresStore({ connectionString: server.url, schema }),
      openPostgresStore({ connectionString: server.url, schema }),
    ]);
    await a.createWorkshop(
      { id: 'w1', title: 'T', question: 'Q', createdAt: '2026-11-01T10:00:00.000Z' },
      {
        id: 'f',
        workshopId: 'w1',
        inviteId: null,
        name: 'F',
        anonymous: false,
        accessNeeds: null,
        group: null,
        capability: 'facilitator',
        personalToken: 'pt',
        createdAt: '2026-11-01T10:00:00.000Z',
        removedAt: null,
      },
      [],
    );
    // Seqs come from the database, not a process cache: two pools share one counter.
    const update = (n: number) => ({
      workshopId: 'w1',
      data: new Uint8Array([n]),
      participantId: null,
      bindings: [],
      attributions: [],
      createdCards: [],
    });
    const seqs = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).appendUpdate(update(i))),
    );
    expect([...seqs].sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await b.lastSeq('w1')).toBe(40);
    await Promise.all([a.close(), b.close()]);
  });

  it('openStore uses Postgres when DATABASE_URL is a postgres URL, and refuses other URLs', async () => {
    const { schema, drop } = await freshSchema(server.url);
    drops.push(drop);
    const url = new URL(server.url);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const store = await openStore({ dataDir: '/nonexistent', databaseUrl: url.toString() });
    expect(await store.getWorkshop('none')).toBeNull();
    await store.close();
    await expect(
      openStore({ dataDir: '/nonexistent', databaseUrl: 'mysql://localhost/x' }),
    ).rejects.toThrow(/postgres/i);
  });

  it('a throwaway cluster (used when no Postgres answers) starts, migrates and is gone after stop', async () => {
    const throwaway = await startThrowaway();
    try {
      const store = await openPostgresStore({ connectionString: throwaway.url });
      expect(await store.lastSeq('none')).toBe(0);
      await store.close();
    } finally {
      await throwaway.stop();
    }
    expect(await answers(throwaway.url)).toBe(false);
  }, 60_000);

  it('says which database it could not open, without its password', async () => {
    const url = 'postgres://purple:hunter2-secret@127.0.0.1:1/nowhere';
    const opening = openPostgresStore({ connectionString: url });
    await expect(opening).rejects.toThrow(
      /Could not open the Postgres database at postgres:\/\/purple:\*\*\*@127\.0\.0\.1:1\/nowhere/,
    );
    await expect(opening).rejects.not.toThrow(/hunter2/);
  });
});
