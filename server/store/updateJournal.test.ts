/**
 * The journal in front of SQLite (I92). A crash is simulated faithfully: the database and
 * the journal files are copied exactly as the kernel holds them while the store is still
 * open (a killed process leaves just that), the copied journal named for a process that no
 * longer exists, and a second store opens the copy.
 */
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppendInput } from './Store';
import { openSqliteStore, type SqliteStore } from './sqliteStore';
import { encodeEntry, readEntries } from './updateJournal';

const T0 = '2026-12-01T10:00:00.000Z';
const DEAD_PID = 2147483646; // above Linux's pid_max: no process can have it
const dirs: string[] = [];
const stores: SqliteStore[] = [];

afterEach(async () => {
  for (const s of stores.splice(0)) await s.close().catch(() => undefined);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function open(file: string): Promise<SqliteStore> {
  const store = await openSqliteStore({ file });
  stores.push(store);
  return store;
}

/** A store with workshop w1, its facilitator f and a contributor p. */
async function fresh(): Promise<{ store: SqliteStore; file: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'purple-journal-'));
  dirs.push(dir);
  const file = join(dir, 'purple.sqlite');
  const store = await open(file);
  const person = (id: string, capability: 'facilitator' | 'contributor') => ({
    id,
    workshopId: 'w1',
    inviteId: null,
    name: id,
    anonymous: false,
    accessNeeds: null,
    group: capability === 'facilitator' ? null : ('people' as const),
    capability,
    personalToken: `pt-${id}`,
    createdAt: T0,
    removedAt: null,
  });
  await store.createWorkshop(
    { id: 'w1', title: 'T', question: 'Q', createdAt: T0 },
    person('f', 'facilitator'),
    [],
  );
  await store.addParticipant(person('p', 'contributor'));
  return { store, file };
}

function edit(n: number, participantId = 'p'): AppendInput {
  return {
    workshopId: 'w1',
    data: new Uint8Array([n, n + 1, n + 2]),
    participantId,
    bindings: [],
    attributions: [{ cardId: `c${n}`, field: 'text', inserted: n, deleted: 0 }],
    createdCards: [],
  };
}

/** Copy the database and this store's journal as a killed process would leave them. */
function crashCopy(file: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'purple-journal-crash-'));
  dirs.push(dir);
  const from = join(file, '..');
  for (const name of readdirSync(from)) {
    const to = name.includes('.pending-') ? `${basename(file)}.pending-${DEAD_PID}-copy` : name;
    copyFileSync(join(from, name), join(dir, to));
  }
  return join(dir, basename(file));
}

const journals = (file: string) =>
  readdirSync(join(file, '..')).filter((n) => n.startsWith(`${basename(file)}.pending-`));

describe('the update journal (I92)', () => {
  it('keeps an edit that was journalled and broadcast when the process dies before SQLite has it', async () => {
    const { store, file } = await fresh();
    const first = store.journalUpdate?.(edit(1));
    expect(first).toBe(1);
    store.settleJournal?.();
    const second = store.journalUpdate?.(edit(2));
    expect(second).toBe(2);
    // Killed here: broadcast, acknowledged, not yet committed.
    const copy = crashCopy(file);
    const again = await open(copy);
    expect(again.replayed).toEqual({ records: 2, torn: 0 });
    const loaded = await again.loadDocument('w1');
    expect(loaded.updates.map((u) => [u.seq, [...u.data]])).toEqual([
      [1, [1, 2, 3]],
      [2, [2, 3, 4]],
    ]);
    const rows = await again.attributionsForCard('w1', 'c2', 0);
    expect(rows).toMatchObject([{ seq: 2, participantId: 'p', inserted: 2, field: 'text' }]);
    expect(journals(copy).every((n) => !n.includes(String(DEAD_PID)))).toBe(true);
    // The next edit takes the next seq.
    expect(again.journalUpdate?.(edit(3))).toBe(3);
    again.settleJournal?.();
    expect((await again.loadDocument('w1')).updates.map((u) => u.seq)).toEqual([1, 2, 3]);
  });

  it('ignores a torn last record: its write never returned, so nobody saw it', async () => {
    const { store, file } = await fresh();
    store.journalUpdate?.(edit(1));
    const copy = crashCopy(file);
    const name = join(copy, '..', `${basename(copy)}.pending-${DEAD_PID}-copy`);
    const whole = encodeEntry({
      workshopId: 'w1',
      seq: 2,
      participantId: 'p',
      data: new Uint8Array([9, 9]),
      createdAt: T0,
      attributions: [],
    });
    appendFileSync(name, whole.subarray(0, whole.byteLength - 3));
    expect(readEntries(readFileSync(name))).toMatchObject({ damaged: true });
    const again = await open(copy);
    expect(again.replayed).toEqual({ records: 1, torn: 1 });
    expect((await again.loadDocument('w1')).updates.map((u) => u.seq)).toEqual([1]);
    expect(existsSync(name)).toBe(false);
    expect(store).toBeDefined();
  });

  it('commits nothing twice: records SQLite already has, or a snapshot covers, are skipped', async () => {
    const { store, file } = await fresh();
    for (let n = 1; n <= 3; n++) {
      expect(store.journalUpdate?.(edit(n))).toBe(n);
      store.settleJournal?.();
    }
    await store.compact('w1', new Uint8Array([7]), 2);
    const copy = crashCopy(file);
    const again = await open(copy);
    expect(again.replayed.records).toBe(3);
    const loaded = await again.loadDocument('w1');
    expect(loaded.snapshotSeq).toBe(2);
    expect(loaded.updates.map((u) => u.seq)).toEqual([3]);
    expect(await again.attributionsForCard('w1', 'c3', 0)).toHaveLength(1);
  });

  it('leaves alone the journal of a process that is still running', async () => {
    const { file } = await fresh();
    const dir = join(file, '..');
    const other = join(dir, `${basename(file)}.pending-${process.ppid}-live`);
    writeFileSync(
      other,
      encodeEntry({
        workshopId: 'w1',
        seq: 1,
        participantId: 'p',
        data: new Uint8Array([5]),
        createdAt: T0,
        attributions: [],
      }),
    );
    const second = await open(file);
    expect(second.replayed.records).toBe(0);
    expect(existsSync(other)).toBe(true);
    expect((await second.loadDocument('w1')).updates).toEqual([]);
  });

  it('takes the plain path for new bindings and new cards, and for anything after an unsettled edit', async () => {
    const { store } = await fresh();
    expect(
      store.journalUpdate?.({ ...edit(1), bindings: [{ clientId: 5, participantId: 'p' }] }),
    ).toBeNull();
    expect(store.journalUpdate?.({ ...edit(1), createdCards: ['c1'] })).toBeNull();
    expect(await store.appendUpdate({ ...edit(1), createdCards: ['c1'] })).toBe(1);
    expect(store.journalUpdate?.(edit(2))).toBe(2);
    // Until the journalled edit is settled, nothing else may take the fast path.
    expect(store.journalUpdate?.(edit(3))).toBeNull();
    store.settleJournal?.();
    expect(store.journalUpdate?.(edit(3))).toBe(3);
    store.settleJournal?.();
  });

  it('keeps a journalled edit SQLite refused, and commits it before any later write', async () => {
    const { store } = await fresh();
    // A participant the database does not know: the commit fails its foreign key.
    expect(store.journalUpdate?.(edit(1, 'later'))).toBe(1);
    expect(() => store.settleJournal?.()).toThrow();
    // Nothing may overtake it: the fast path is closed and the plain path retries it first.
    expect(store.journalUpdate?.(edit(2))).toBeNull();
    await expect(store.appendUpdate(edit(2))).rejects.toThrow();
    await store.addParticipant({
      id: 'later',
      workshopId: 'w1',
      inviteId: null,
      name: 'Later',
      anonymous: false,
      accessNeeds: null,
      group: 'people',
      capability: 'contributor',
      personalToken: 'pt-later',
      createdAt: T0,
      removedAt: null,
    });
    expect(await store.appendUpdate(edit(2))).toBe(2);
    const loaded = await store.loadDocument('w1');
    expect(loaded.updates.map((u) => [u.seq, u.data[0]])).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  it('keeps no edit of a deleted workshop in its journal', async () => {
    const { store, file } = await fresh();
    expect(store.journalUpdate?.(edit(1))).toBe(1);
    store.settleJournal?.();
    const name = journals(file)[0] as string;
    expect(readFileSync(join(file, '..', name)).byteLength).toBeGreaterThan(0);
    await store.deleteWorkshop('w1');
    expect(readFileSync(join(file, '..', name)).byteLength).toBe(0);
  });

  it('removes its file on a clean close, and a FULL-synchronous store keeps the plain path', async () => {
    const { store, file } = await fresh();
    expect(store.journalUpdate?.(edit(1))).toBe(1);
    store.settleJournal?.();
    expect(journals(file)).toHaveLength(1);
    await store.close();
    stores.splice(stores.indexOf(store), 1);
    expect(journals(file)).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'purple-journal-full-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'db'));
    const full = await openSqliteStore({ file: join(dir, 'db', 'x.sqlite'), synchronous: 'FULL' });
    stores.push(full);
    expect(full.journalUpdate?.(edit(1))).toBeNull();
    expect(readdirSync(join(dir, 'db')).some((n) => n.includes('.pending-'))).toBe(false);
  });
});
