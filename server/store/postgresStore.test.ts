import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyFacilitation } from '../../lib/facilitation/state';
import { answers, ensurePostgres, freshSchema, startThrowaway } from '../../scripts/ensurePostgres';
import { openStore } from './openStore';
import { openEditsPool, openPostgresStore } from './postgresStore';
import type { OrderedLog, Store } from './Store';
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

/** Two stores on one fresh schema, as two instances, the first having made workshop w1. */
async function twoInstances() {
  const { schema, drop } = await freshSchema(server.url);
  drops.push(drop);
  const [a, b] = await Promise.all([
    openPostgresStore({ connectionString: server.url, schema }),
    openPostgresStore({ connectionString: server.url, schema }),
  ]);
  await createW1(a);
  return { schema, a, b };
}

/** Workshop w1 with its facilitator f. */
async function createW1(store: Store): Promise<void> {
  await store.createWorkshop(
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
    const { a, b } = await twoInstances();
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

  it('[I62] ordered writes from two stores: each decides after every earlier entry, seqs have no gap, and the next write sees a facilitation change', async () => {
    const { schema, a, b } = await twoInstances();
    const seen = new Map<number, number>();
    const write = (store: OrderedLog, n: number) =>
      store.appendOrdered('w1', async (log) => {
        seen.set(n, (await log.since(0)).updates.length);
        return {
          kind: 'update',
          input: {
            workshopId: 'w1',
            data: new Uint8Array([n]),
            participantId: 'f',
            bindings: [],
            attributions: [{ cardId: `c${n}`, inserted: 1, deleted: 0 }],
            createdCards: n % 3 === 0 ? [`c${n}`] : [],
          },
        };
      });
    const seqs = (
      await Promise.all(Array.from({ length: 30 }, (_, n) => write(n % 2 ? a : b, n)))
    ).map((r) => r.seq as number);
    expect([...seqs].sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    // Under the row lock, the write with seq s read exactly the s - 1 entries before it.
    for (let n = 0; n < 30; n++) expect(seen.get(n)).toBe((seqs[n] as number) - 1);
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const count = async (table: string) =>
      Number((await client.query(`select count(*) as n from "${schema}".${table}`)).rows[0].n);
    expect([
      await count('updates'),
      await count('attributions'),
      await count('card_creators'),
    ]).toEqual([30, 30, 10]);
    await client.end();

    // A facilitation change made through one store is what the other's next write reads.
    const locked = (cards: string[]) => ({
      ...emptyFacilitation(),
      locks: { cards, sections: [] },
    });
    for (const cards of [['c1'], ['c1', 'c2'], []]) {
      await a.saveFacilitation('w1', locked(cards), '2026-11-01T11:00:00.000Z');
      let read: unknown;
      await b.appendOrdered('w1', async (log) => {
        await log.since(30);
        read = (await log.facilitation())?.locks.cards;
        return null;
      });
      expect(read).toEqual(cards);
    }
    await Promise.all([a.close(), b.close()]);
  });

  it('[I94] the one-statement append writes only while nobody changed the workshop since its version', async () => {
    const { schema, a, b } = await twoInstances();
    const typing = (n: number) => ({
      workshopId: 'w1',
      data: new Uint8Array([n]),
      participantId: 'f',
      bindings: [],
      attributions: [{ cardId: 'c1', inserted: n, deleted: 0 }],
      createdCards: [],
    });
    // An ordered write leaves a version; the next write from that version needs no catch-up.
    const first = await a.appendOrdered('w1', async (log) => {
      await log.since(0);
      return { kind: 'update', input: typing(1) };
    });
    expect(first.seq).toBe(1);
    const v1 = first.version as string;
    const v2 = await a.appendIfUnchanged(typing(2), 1, v1);
    expect(v2).not.toBeNull();
    expect(v2).not.toBe(v1);
    // Two instances racing from the same version: exactly one writes entry 3.
    const raced = await Promise.all([
      a.appendIfUnchanged(typing(3), 2, v2 as string),
      b.appendIfUnchanged(typing(30), 2, v2 as string),
    ]);
    expect(raced.filter((v) => v !== null)).toHaveLength(1);
    const v3 = raced.find((v) => v !== null) as string;
    // A stale version writes nothing, however the seq looks.
    expect(await b.appendIfUnchanged(typing(4), 2, v2 as string)).toBeNull();
    expect(await b.appendIfUnchanged(typing(4), 3, v1)).toBeNull();
    // Every other change an ordered write reads moves the version on: facilitation, a snapshot.
    const caughtUp = async () => {
      const r = await a.appendOrdered('w1', async (log) => {
        await log.since(3);
        return null;
      });
      return r.version as string;
    };
    let v = v3;
    await b.saveFacilitation('w1', emptyFacilitation(), '2026-11-01T11:00:00.000Z');
    expect(await a.appendIfUnchanged(typing(4), 3, v)).toBeNull();
    v = await caughtUp();
    await b.updateFacilitation('w1', (s) => s, '2026-11-01T11:01:00.000Z');
    expect(await a.appendIfUnchanged(typing(4), 3, v)).toBeNull();
    v = await caughtUp();
    await b.compact('w1', new Uint8Array([0, 0]), 3);
    expect(await a.appendIfUnchanged(typing(4), 3, v)).toBeNull();
    v = await caughtUp();
    expect(await a.appendIfUnchanged(typing(4), 3, v)).not.toBeNull();

    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const rows = await client.query(
      `select u.seq, a.inserted from "${schema}".updates u
       join "${schema}".attributions a on a.workshop_id = u.workshop_id and a.seq = u.seq
       order by u.seq`,
    );
    await client.end();
    // Entries 1–3 were compacted into the snapshot; entry 4 and its attribution are stored once.
    expect(rows.rows).toEqual([{ seq: 4, inserted: 4 }]);
    expect(await a.lastSeq('w1')).toBe(4);
    await Promise.all([a.close(), b.close()]);
  });

  it('with POSTGRES_SYNCHRONOUS_COMMIT=off, only the pool that writes edits commits without waiting for disk', async () => {
    const { schema, drop } = await freshSchema(server.url);
    drops.push(drop);
    const edits = openEditsPool({ connectionString: server.url, schema });
    const store = await openPostgresStore({
      connectionString: server.url,
      schema,
      editsSynchronousCommit: false,
    });
    try {
      const setting = async (db: typeof edits, name: string) =>
        (await sql<{ v: string }>`select current_setting(${name}) as v`.execute(db)).rows[0]?.v;
      expect(await setting(edits, 'synchronous_commit')).toBe('off');
      expect(await setting(edits, 'search_path')).toContain(schema);
      // The store's edits land in this schema and read back through its other pool.
      await createW1(store);
      const typing = {
        workshopId: 'w1',
        data: new Uint8Array([1]),
        participantId: 'f',
        bindings: [],
        attributions: [],
        createdCards: [],
      };
      expect(await store.appendUpdate(typing)).toBe(1);
      expect(await store.lastSeq('w1')).toBe(1);
      // Every other write keeps the server's default.
      const plain = new pg.Client({ connectionString: server.url });
      await plain.connect();
      expect((await plain.query('show synchronous_commit')).rows[0].synchronous_commit).toBe('on');
      await plain.end();
    } finally {
      await edits.destroy();
      await store.close();
    }
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
