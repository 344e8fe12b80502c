/**
 * Deleting a workshop (issue 8 §7): every row of every table that belongs to it, found from
 * the schema itself so tables added by later migrations are covered too. A table belongs to
 * a workshop through a `workshop_id` column, or through a foreign key to a table that does
 * (e.g. ballots → rounds). One transaction. The plan is portable; each engine describes its
 * schema (`SchemaInfo`): SQLite here through PRAGMAs, Postgres in `postgresSchemaInfo.ts`.
 */
import type BetterSqlite3 from 'better-sqlite3';

/** One table's delete condition for one workshop's rows. */
export interface TablePlan {
  table: string;
  /** SQL condition selecting this table's rows of one workshop (`?` is the workshop id). */
  where: string;
}

/** What the plan needs to know about the schema; `migrations` is left out by the caller. */
export interface SchemaInfo {
  tables: string[];
  columns: Map<string, string[]>;
  foreignKeys: Map<string, ForeignKey[]>;
}

/** A foreign key: referencing column, referenced table and column. */
export interface ForeignKey {
  from: string;
  table: string;
  to: string;
}

/** Quote an SQL identifier (the same on SQLite and Postgres). */
export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** SQLite's schema, read through PRAGMAs. */
export function sqliteSchemaInfo(raw: BetterSqlite3.Database): SchemaInfo {
  const tables = (
    raw
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> 'migrations'",
      )
      .all() as { name: string }[]
  ).map((t) => t.name);
  const columns = new Map<string, string[]>();
  const foreignKeys: SchemaInfo['foreignKeys'] = new Map();
  for (const t of tables) {
    const cols = raw.prepare(`pragma table_info(${quote(t)})`).all() as { name: string }[];
    columns.set(
      t,
      cols.map((c) => c.name),
    );
    foreignKeys.set(t, raw.prepare(`pragma foreign_key_list(${quote(t)})`).all() as ForeignKey[]);
  }
  return { tables, columns, foreignKeys };
}

/**
 * Every table's condition for one workshop's rows, each table after every table that
 * refers to it (so no foreign key is broken midway, even where it is checked at once).
 */
export function workshopTablePlan(info: SchemaInfo): TablePlan[] {
  const { tables } = info;
  const direct = new Map<string, string>();
  for (const t of tables) {
    if (t === 'workshops') direct.set(t, 'id = ?');
    else if (info.columns.get(t)?.includes('workshop_id')) direct.set(t, 'workshop_id = ?');
  }
  const where = new Map(direct);
  for (const t of tables) {
    if (direct.has(t)) continue;
    const fk = (info.foreignKeys.get(t) ?? []).find((f) => direct.has(f.table));
    if (!fk) throw new Error(`table ${t} belongs to no workshop: deleteWorkshop cannot cover it`);
    where.set(
      t,
      `${quote(fk.from)} in (select ${quote(fk.to)} from ${quote(fk.table)} where ${direct.get(fk.table)})`,
    );
  }
  return childrenFirst(info, [...where.keys()]).map((table) => ({
    table,
    where: where.get(table) as string,
  }));
}

/** Order tables so that every table comes after the tables whose foreign keys refer to it. */
function childrenFirst(info: SchemaInfo, tables: string[]): string[] {
  const referrers = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  for (const t of tables)
    for (const fk of info.foreignKeys.get(t) ?? [])
      if (fk.table !== t) referrers.get(fk.table)?.add(t);
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (placed.has(t)) return;
    if (path.has(t)) throw new Error(`foreign keys form a cycle through ${t}`);
    path.add(t);
    for (const r of [...(referrers.get(t) ?? [])].sort()) visit(r, path);
    path.delete(t);
    placed.add(t);
    ordered.push(t);
  };
  for (const t of [...tables].sort()) visit(t, new Set());
  return ordered;
}

/** Delete one workshop everywhere, in one transaction; false when it did not exist. */
export function deleteWorkshopEverywhere(raw: BetterSqlite3.Database, id: string): boolean {
  const plan = workshopTablePlan(sqliteSchemaInfo(raw));
  const run = raw.transaction(() => {
    let deleted = 0;
    for (const { table, where } of plan) {
      const r = raw.prepare(`delete from ${quote(table)} where ${where}`).run(id);
      if (table === 'workshops') deleted = r.changes;
    }
    return deleted > 0;
  });
  return run();
}
