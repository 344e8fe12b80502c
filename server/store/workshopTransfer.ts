/**
 * Export and import of one workshop on the SQL adapters (issue 12, I61), the same Kysely
 * queries on SQLite and Postgres. Export reads every table of `WORKSHOP_TABLES` in one
 * repeatable-read transaction, so the file is one consistent moment; import writes them all
 * in one transaction, parents first, and writes nothing when the workshop already exists
 * or any row breaks a key (a token already used by another workshop, for instance).
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import { MIGRATIONS } from './schema';
import {
  type FileRow,
  fileRows,
  storedRow,
  TABLE_ORDER,
  WORKSHOP_TABLES,
  type WorkshopFile,
  type WorkshopTable,
  workshopFile,
} from './workshopFile';

// biome-ignore lint/suspicious/noExplicitAny: table names come from WORKSHOP_TABLES at run time.
type AnyDb = Kysely<any>;

/** The schema version this code writes and reads (its last migration). */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/** Stay well inside SQLite's and Postgres's limits on bound parameters per statement. */
const MAX_PARAMS = 8000;

async function readTable(db: AnyDb, table: WorkshopTable, workshopId: string) {
  const spec = WORKSHOP_TABLES[table];
  const columns = Object.keys(spec.row.shape);
  let q = db.selectFrom(table).select(columns);
  if (spec.belongs === 'id') q = q.where('id', '=', workshopId);
  else if (spec.belongs === 'workshop_id') q = q.where('workshop_id', '=', workshopId);
  else
    q = q.where(
      'round_id',
      'in',
      db.selectFrom('rounds').select('id').where('workshop_id', '=', workshopId),
    );
  if (table === 'card_events') q = q.orderBy('id');
  return fileRows(table, (await q.execute()) as Record<string, unknown>[]);
}

/** Every row of workshop `workshopId`, or null when there is no such workshop. */
export async function exportWorkshopRows(
  db: Kysely<Database>,
  workshopId: string,
): Promise<WorkshopFile | null> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const tables = {} as Record<WorkshopTable, FileRow[]>;
      for (const t of TABLE_ORDER) tables[t] = await readTable(trx as AnyDb, t, workshopId);
      return tables.workshops.length === 0
        ? null
        : workshopFile(workshopId, SCHEMA_VERSION, tables);
    });
}

/** Why this code cannot import `file`, or null when it can. */
export function importProblem(file: WorkshopFile): string | null {
  return file.schemaVersion > SCHEMA_VERSION
    ? `The file comes from a newer Purple (schema ${file.schemaVersion}; this one reads up to ${SCHEMA_VERSION}). Update Purple first.`
    : null;
}

/**
 * Write every row of `file` in one transaction; 'exists' (nothing written) when the
 * workshop is already there. Two imports racing on Postgres: the workshops primary key
 * refuses the second, and its transaction writes nothing.
 */
export async function importWorkshopRows(
  db: Kysely<Database>,
  file: WorkshopFile,
): Promise<'ok' | 'exists'> {
  const problem = importProblem(file);
  if (problem) throw new Error(problem);
  return db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('workshops')
      .select('id')
      .where('id', '=', file.workshopId)
      .executeTakeFirst();
    if (found) return 'exists' as const;
    for (const t of TABLE_ORDER) {
      const rows = file.tables[t].map((r) => storedRow(t, r));
      const columns = Object.keys(WORKSHOP_TABLES[t].row.shape).length;
      const chunk = Math.max(1, Math.floor(MAX_PARAMS / columns));
      for (let i = 0; i < rows.length; i += chunk)
        await (trx as AnyDb)
          .insertInto(t)
          .values(rows.slice(i, i + chunk))
          .execute();
    }
    return 'ok' as const;
  });
}
