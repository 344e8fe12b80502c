/**
 * The workshop file's layout and validation (issue 12, I61): it covers every table and
 * column a workshop has rows in (so a migration that adds one must extend the file), and a
 * file that is not right is refused with a readable reason before anything is written.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openMemoryStore } from './memoryStore';
import { sqliteSchemaInfo, workshopTablePlan } from './peopleQueries';
import { openSqliteStore } from './sqliteStore';
import { seedEveryTable } from './transferContract';
import { parseWorkshopFile, TABLE_ORDER, WORKSHOP_TABLES, type WorkshopFile } from './workshopFile';

const dir = mkdtempSync(join(tmpdir(), 'purple-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function sampleFile(): Promise<WorkshopFile> {
  const s = await openMemoryStore();
  await seedEveryTable(s);
  const f = await s.exportWorkshop('mw');
  if (!f) throw new Error('no export');
  return f;
}

// biome-ignore lint/suspicious/noExplicitAny: these tests break the file's shape on purpose.
type Loose = Record<string, any>;

/** Parse `file` after `change`; the error message, or '' when it was accepted. */
function refusal(file: WorkshopFile, change: (f: Loose) => void): string {
  const copy = structuredClone(file) as Loose;
  change(copy);
  try {
    parseWorkshopFile(JSON.stringify(copy));
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('the workshop file', () => {
  it('[I61] carries every table and column the schema gives a workshop', async () => {
    const file = join(dir, 'schema.sqlite');
    const store = await openSqliteStore({ file });
    await store.close();
    const raw = new BetterSqlite3(file, { readonly: true });
    const info = sqliteSchemaInfo(raw);
    raw.close();
    const tables = workshopTablePlan(info).map((p) => p.table);
    expect([...TABLE_ORDER].sort()).toEqual([...tables].sort());
    for (const t of TABLE_ORDER) {
      const stored = (info.columns.get(t) ?? []).filter(
        (c) => !(t === 'card_events' && c === 'id'),
      );
      expect(Object.keys(WORKSHOP_TABLES[t].row.shape).sort(), t).toEqual([...stored].sort());
    }
  });

  it('[I61] refuses a file that is not right, saying why', async () => {
    const file = await sampleFile();
    expect(refusal(file, () => undefined)).toBe('');
    expect(refusal(file, (f) => (f.version = 2))).toMatch(/version/);
    expect(refusal(file, (f) => (f.format = 'other'))).toMatch(/format/);
    expect(refusal(file, (f) => delete f.tables.ballots)).toMatch(/tables\.ballots/);
    expect(refusal(file, (f) => (f.tables.updates[0].data = 'not base64!'))).toMatch(
      /updates\.0\.data/,
    );
    expect(refusal(file, (f) => (f.tables.invites[0].extra = 1))).toMatch(/invites\.0/);
    expect(refusal(file, (f) => (f.tables.ballots[0].dots = 'two'))).toMatch(/ballots\.0\.dots/);
    // Rows must all belong to the workshop the file names: none may land in another one.
    expect(refusal(file, (f) => (f.tables.participants[0].workshop_id = 'other'))).toMatch(
      /another workshop/,
    );
    expect(refusal(file, (f) => (f.tables.ballots[0].round_id = 'other-round'))).toMatch(
      /another workshop/,
    );
    expect(
      refusal(file, (f) => f.tables.workshops.push({ ...f.tables.workshops[0], id: 'x' })),
    ).toMatch(/exactly the one workshop/);
    expect(() => parseWorkshopFile('{"format":')).toThrow(/not JSON/);
  });

  it('[I61] refuses a file from a newer schema', async () => {
    const file = await sampleFile();
    const s = await openMemoryStore();
    await expect(s.importWorkshop({ ...file, schemaVersion: 9999 })).rejects.toThrow(
      /newer Purple/,
    );
    expect(await s.getWorkshop('mw')).toBeNull();
  });
});
