/**
 * Postgres's side of deleting a workshop everywhere (issue 8 §7, issue 12): the schema read
 * from the catalog (tables, columns, foreign keys of the current schema) for the portable
 * plan in `peopleQueries.ts`, and the deletion itself in one transaction.
 */
import { type Kysely, sql } from 'kysely';
import { type ForeignKey, quote, type SchemaInfo, workshopTablePlan } from './peopleQueries';
import type { Database } from './schema';

/** Tables, columns and foreign keys of the connection's current schema. */
export async function postgresSchemaInfo(db: Kysely<Database>): Promise<SchemaInfo> {
  const cols = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t
      on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      and c.table_name <> 'migrations'
    order by c.table_name, c.ordinal_position`.execute(db);
  const fks = await sql<ForeignKey & { owner: string }>`
    select cl.relname as owner, a.attname as "from", rt.relname as "table", ra.attname as "to"
    from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid
    join pg_class rt on rt.oid = c.confrelid
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    join pg_attribute ra on ra.attrelid = c.confrelid and ra.attnum = c.confkey[1]
    where c.contype = 'f' and cl.relnamespace = current_schema()::regnamespace`.execute(db);
  const columns = new Map<string, string[]>();
  for (const r of cols.rows)
    columns.set(r.table_name, [...(columns.get(r.table_name) ?? []), r.column_name]);
  const foreignKeys = new Map<string, ForeignKey[]>();
  for (const { owner, ...fk } of fks.rows)
    foreignKeys.set(owner, [...(foreignKeys.get(owner) ?? []), fk]);
  return { tables: [...columns.keys()], columns, foreignKeys };
}

/** Delete one workshop and every row that belongs to it, in one transaction. */
export async function deletePostgresWorkshop(db: Kysely<Database>, id: string): Promise<boolean> {
  const plan = workshopTablePlan(await postgresSchemaInfo(db));
  return db.transaction().execute(async (trx) => {
    let deleted = 0;
    for (const { table, where } of plan) {
      const [before, after] = where.split('?');
      const r =
        await sql`delete from ${sql.raw(quote(table))} where ${sql.raw(before ?? '')}${id}${sql.raw(after ?? '')}`.execute(
          trx,
        );
      if (table === 'workshops') deleted = Number(r.numAffectedRows ?? 0);
    }
    return deleted > 0;
  });
}
