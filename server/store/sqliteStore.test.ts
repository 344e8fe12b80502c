import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from './openStore';
import { MIGRATIONS } from './schema';
import { BindingConflictError, openSqliteStore } from './sqliteStore';
import { storeContract } from './store.contract';

let dirs: string[] = [];

/** A fresh directory under the OS temp dir, removed after each test. */
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'purple-store-'));
  dirs.push(dir);
  return dir;
}

async function removeDirs(): Promise<void> {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
}

storeContract(
  'sqlite',
  () => openSqliteStore({ file: join(tempDir(), 'db', 'purple.sqlite') }),
  removeDirs,
);

const WORKSHOP = { id: 'w1', title: 'T', question: 'Q', createdAt: '2026-11-01T10:00:00.000Z' };
const FACILITATOR = {
  id: 'f',
  workshopId: 'w1',
  inviteId: null,
  name: 'Fa',
  anonymous: false,
  accessNeeds: null,
  group: null,
  capability: 'facilitator' as const,
  personalToken: 'pt',
  createdAt: WORKSHOP.createdAt,
  removedAt: null,
};

function update(data: number[], participantId: string | null = null, clientId?: number) {
  return {
    workshopId: 'w1',
    data: new Uint8Array(data),
    participantId,
    bindings: clientId === undefined || !participantId ? [] : [{ clientId, participantId }],
    attributions: [],
    createdCards: [],
  };
}

describe('sqlite store specifics', () => {
  afterEach(removeDirs);

  it('applies WAL, synchronous, foreign keys and busy timeout, and creates the parent dir', async () => {
    const file = join(tempDir(), 'a', 'b', 'purple.sqlite');
    const normal = await openSqliteStore({ file });
    expect(existsSync(file)).toBe(true);
    expect(normal.pragma('journal_mode')).toBe('wal');
    expect(normal.pragma('synchronous')).toBe(1); // NORMAL
    expect(normal.pragma('foreign_keys')).toBe(1);
    expect(normal.pragma('busy_timeout')).toBe(5000);
    await normal.close();
    const full = await openSqliteStore({ file, synchronous: 'FULL' });
    expect(full.pragma('synchronous')).toBe(2); // FULL
    await full.close();
  });

  it('data survives close and reopen; migrations are idempotent', async () => {
    const file = join(tempDir(), 'purple.sqlite');
    const first = await openSqliteStore({ file });
    await first.createWorkshop(WORKSHOP, FACILITATOR, []);
    await first.appendUpdate(update([1, 2, 3]));
    await first.appendUpdate(update([4]));
    await first.compact('w1', new Uint8Array([9]), 1);
    await first.close();

    const second = await openSqliteStore({ file });
    expect(await second.getWorkshop('w1')).toEqual(WORKSHOP);
    const doc = await second.loadDocument('w1');
    expect(Array.from(doc.snapshot ?? [])).toEqual([9]);
    expect(doc.updates.map((u) => [u.seq, Array.from(u.data)])).toEqual([[2, [4]]]);
    expect(await second.appendUpdate(update([5]))).toBe(3);
    await second.compact('w1', new Uint8Array([8]), 3);
    await second.close();

    // With every update folded into the snapshot, the seq still continues after it.
    const third = await openSqliteStore({ file });
    expect(await third.lastSeq('w1')).toBe(3);
    expect(await third.appendUpdate(update([6]))).toBe(4);
    await third.close();

    const raw = new BetterSqlite3(file, { readonly: true });
    const versions = raw.prepare('select version from migrations').all();
    raw.close();
    expect(versions).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
  });

  it('a binding conflict rejects with BindingConflictError', async () => {
    const store = await openSqliteStore({ file: join(tempDir(), 'purple.sqlite') });
    await store.createWorkshop(WORKSHOP, FACILITATOR, []);
    await store.addParticipant({ ...FACILITATOR, id: 'g', personalToken: 'pt2' });
    await store.appendUpdate(update([1], 'f', 3));
    await expect(store.appendUpdate(update([2], 'g', 3))).rejects.toBeInstanceOf(
      BindingConflictError,
    );
    await store.close();
  });

  it('an append for an unknown workshop or participant fails and does not advance the seq', async () => {
    const store = await openSqliteStore({ file: join(tempDir(), 'purple.sqlite') });
    await store.createWorkshop(WORKSHOP, FACILITATOR, []);
    expect(await store.appendUpdate(update([1]))).toBe(1);
    await expect(store.appendUpdate(update([2], 'ghost'))).rejects.toThrow(/FOREIGN KEY/);
    await expect(store.appendUpdate({ ...update([2]), workshopId: 'nope' })).rejects.toThrow();
    expect(await store.appendUpdate(update([3]))).toBe(2);
    await store.close();
  });

  it('recovers when another writer advanced the seq behind its cache', async () => {
    const file = join(tempDir(), 'purple.sqlite');
    const store = await openSqliteStore({ file });
    await store.createWorkshop(WORKSHOP, FACILITATOR, []);
    expect(await store.appendUpdate(update([1]))).toBe(1);
    const other = new BetterSqlite3(file);
    other
      .prepare(
        "insert into updates (workshop_id, seq, data, created_at) values ('w1', 2, x'00', 'now')",
      )
      .run();
    other.close();
    await expect(store.appendUpdate(update([3]))).rejects.toThrow();
    expect(await store.appendUpdate(update([3]))).toBe(3);
    await store.close();
  });

  it('openStore uses <dataDir>/purple.sqlite when no DATABASE_URL is set', async () => {
    const dataDir = tempDir();
    const store = await openStore({ dataDir });
    await store.close();
    expect(existsSync(join(dataDir, 'purple.sqlite'))).toBe(true);
  });
});
