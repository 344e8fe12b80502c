/**
 * Concurrent identical reads share one query on SQLite, and never hide a write that began
 * before the caller called (I91). Real SQLite through Kysely, with every query counted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { SharedReads } from './sharedReads';
import { openSqliteStore } from './sqliteStore';

interface Db {
  people: { id: string; w: string };
  attendance: { id: string };
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function rig() {
  const reads = new SharedReads();
  const queries: string[] = [];
  const raw = new BetterSqlite3(':memory:');
  const db = new Kysely<Db>({
    dialect: new SqliteDialect({ database: raw }),
    log: (e) => {
      queries.push(e.query.sql);
    },
  }).withPlugin(reads.plugin);
  await db.schema.createTable('people').addColumn('id', 'text').addColumn('w', 'text').execute();
  await db.schema.createTable('attendance').addColumn('id', 'text').execute();
  await db.insertInto('people').values({ id: 'p1', w: 'w' }).execute();
  queries.length = 0;
  const list = () =>
    reads.run('people/w', () =>
      db.selectFrom('people').select('id').where('w', '=', 'w').orderBy('id').execute(),
    );
  const selects = () => queries.filter((q) => q.startsWith('select')).length;
  return { reads, db, list, selects, raw };
}

describe('SharedReads (I91)', () => {
  it('runs one query for callers that ask while it is in flight, and a new one after', async () => {
    const { reads, list, selects } = await rig();
    const all = await Promise.all(Array.from({ length: 20 }, () => list()));
    expect(selects()).toBe(1);
    for (const r of all) expect(r.map((x) => x.id)).toEqual(['p1']);
    expect(reads.size).toBe(0); // nothing is kept once the read is done
    await list();
    expect(selects()).toBe(2);
  });

  it('starts a fresh read for a caller who asks after a write began', async () => {
    const { db, list, selects } = await rig();
    const early = list(); // in flight (queued behind nothing yet, not finished)
    const write = db.insertInto('people').values({ id: 'p2', w: 'w' }).execute();
    const late = list();
    const [a, , b] = await Promise.all([early, write, late]);
    expect(selects()).toBe(2);
    expect(b.map((x) => x.id)).toEqual(['p1', 'p2']); // the late caller sees the write
    expect(a.map((x) => x.id)).toEqual(['p1']); // the early one asked before it
  });

  it('starts afresh again once a write has run, for reads issued while it waited', async () => {
    const { db, list } = await rig();
    const write = db.insertInto('people').values({ id: 'p3', w: 'w' }).execute();
    const during = list(); // issued after the write began: runs after it
    await write;
    const after = list();
    expect(after).not.toBe(during);
    expect((await after).map((x) => x.id)).toEqual(['p1', 'p3']);
    await during;
  });

  it('treats raw SQL and deletes as writes, but keeps sharing across attendance writes', async () => {
    const { db, list, selects } = await rig();
    let p = list();
    const attended = db.insertInto('attendance').values({ id: 'a1' }).execute();
    // The attendance write began after `p` was issued; a caller now still shares it.
    const shared = list();
    expect(shared).toBe(p);
    await Promise.all([p, attended]);
    p = list();
    const rawWrite = sql`update people set w = 'w'`.execute(db);
    const afterRaw = list();
    expect(afterRaw).not.toBe(p);
    await Promise.all([p, rawWrite, afterRaw]);
    p = list();
    const deleted = db.deleteFrom('people').where('id', '=', 'p1').execute();
    const afterDelete = list();
    expect(afterDelete).not.toBe(p);
    expect(await afterDelete).toEqual([]);
    await Promise.all([p, deleted]);
    expect(selects()).toBe(5);
  });

  it('keeps a finished read until a write here or a commit by another process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'purple-kept-'));
    dirs.push(dir);
    const file = join(dir, 'kept.sqlite');
    const raw = new BetterSqlite3(file);
    raw.pragma('journal_mode = WAL');
    const version = raw.prepare('PRAGMA data_version').pluck();
    const reads = new SharedReads(() => version.get());
    let selects = 0;
    const db = new Kysely<Db>({
      dialect: new SqliteDialect({ database: raw }),
      log: (e) => {
        if (e.query.sql.startsWith('select')) selects++;
      },
    }).withPlugin(reads.plugin);
    await db.schema.createTable('people').addColumn('id', 'text').addColumn('w', 'text').execute();
    await db.insertInto('people').values({ id: 'p1', w: 'w' }).execute();
    const list = () =>
      reads.run(
        'people/w',
        () => db.selectFrom('people').select('id').where('w', '=', 'w').orderBy('id').execute(),
        true,
      );
    const ids = async () => (await list()).map((x) => x.id);
    expect(await ids()).toEqual(['p1']);
    expect(await ids()).toEqual(['p1']);
    expect(selects).toBe(1); // kept
    expect(reads.keptSize).toBe(1);
    await db.insertInto('people').values({ id: 'p2', w: 'w' }).execute();
    expect(reads.keptSize).toBe(0); // a write here forgets
    expect(await ids()).toEqual(['p1', 'p2']);
    expect(selects).toBe(2);
    // Another process (here: another connection to the file) commits a row.
    const other = new BetterSqlite3(file);
    other.prepare("insert into people (id, w) values ('p3', 'w')").run();
    other.close();
    expect(await ids()).toEqual(['p1', 'p2', 'p3']);
    expect(selects).toBe(3);
    expect(await ids()).toEqual(['p1', 'p2', 'p3']);
    expect(selects).toBe(3);
    await db.destroy();
  });

  it('[I91] gives every caller of the SQLite store its own array, keeps rows, and read-your-writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'purple-shared-'));
    dirs.push(dir);
    const store = await openSqliteStore({ file: join(dir, 'purple.sqlite') });
    try {
      const facilitator = {
        id: 'f',
        workshopId: 'w1',
        inviteId: null,
        name: 'Fa',
        anonymous: false,
        accessNeeds: null,
        group: null,
        capability: 'facilitator' as const,
        personalToken: 'x'.repeat(64),
        createdAt: '2026-11-01T10:00:00.000Z',
        removedAt: null,
      };
      await store.createWorkshop(
        { id: 'w1', title: 'T', question: 'Q', createdAt: facilitator.createdAt },
        facilitator,
        [],
      );
      const [a, b] = await Promise.all([
        store.listParticipants('w1'),
        store.listParticipants('w1'),
      ]);
      expect(a).toEqual(b);
      expect(a).not.toBe(b);
      a.pop();
      expect(b).toHaveLength(1);
      const pending = store.listParticipants('w1');
      await store.addParticipant({
        ...facilitator,
        id: 'p',
        name: 'Pat',
        capability: 'contributor' as const,
        group: 'people',
        personalToken: 'y'.repeat(64),
      });
      const after = await store.listParticipants('w1');
      expect(after.map((p) => p.id).sort()).toEqual(['f', 'p']);
      await pending;
      // Kept now: still the same answer, and still a copy per caller.
      const again = await store.listParticipants('w1');
      expect(again).toEqual(after);
      expect(again).not.toBe(after);
      // A person's row is kept too (their Yjs and socket.io connections both read it), and
      // a removal is seen at once: access ends when it is refused (I11).
      const row = await store.getParticipant('p');
      expect(await store.getParticipant('p')).toBe(row);
      await store.removeParticipant('w1', 'p', '2026-11-01T11:00:00.000Z');
      expect((await store.getParticipant('p'))?.removedAt).toBe('2026-11-01T11:00:00.000Z');
      expect((await store.listParticipants('w1')).find((p) => p.id === 'p')?.removedAt).toBe(
        '2026-11-01T11:00:00.000Z',
      );
    } finally {
      await store.close();
    }
  });
});
