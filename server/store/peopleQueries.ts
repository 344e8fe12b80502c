/**
 * Deleting a workshop from SQLite (issue 8 §7): every row of every table that belongs to
 * it, found from the schema itself so tables added by later migrations are covered too.
 * A table belongs to a workshop through a `workshop_id` column, or through a foreign key
 * to a table that does (e.g. ballots → rounds). One transaction; foreign keys are checked
 * at its end.
 */
import type BetterSqlite3 from 'better-sqlite3';

interface TablePlan {
  table: string;
  /** SQL condition selecting this table's rows of one workshop (`?` is the workshop id). */
  where: string;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every table's condition for one workshop's rows, children before parents. */
export function workshopTablePlan(raw: BetterSqlite3.Database): TablePlan[] {
  const tables = (
    raw
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> 'migrations'",
      )
      .all() as { name: string }[]
  ).map((t) => t.name);
  const columns = (t: string) =>
    (raw.prepare(`pragma table_info(${quote(t)})`).all() as { name: string }[]).map((c) => c.name);
  const direct = new Map<string, string>();
  for (const t of tables) {
    if (t === 'workshops') direct.set(t, 'id = ?');
    else if (columns(t).includes('workshop_id')) direct.set(t, 'workshop_id = ?');
  }
  const plan: TablePlan[] = [];
  for (const t of tables) {
    if (direct.has(t)) continue;
    const fks = raw.prepare(`pragma foreign_key_list(${quote(t)})`).all() as {
      table: string;
      from: string;
      to: string;
    }[];
    const fk = fks.find((f) => direct.has(f.table));
    if (!fk) throw new Error(`table ${t} belongs to no workshop: deleteWorkshop cannot cover it`);
    plan.push({
      table: t,
      where: `${quote(fk.from)} in (select ${quote(fk.to)} from ${quote(fk.table)} where ${direct.get(fk.table)})`,
    });
  }
  for (const [t, where] of direct) if (t !== 'workshops') plan.push({ table: t, where });
  plan.push({ table: 'workshops', where: 'id = ?' });
  return plan;
}

/** Delete one workshop everywhere, in one transaction; false when it did not exist. */
export function deleteWorkshopEverywhere(raw: BetterSqlite3.Database, id: string): boolean {
  const plan = workshopTablePlan(raw);
  const run = raw.transaction(() => {
    raw.pragma('defer_foreign_keys = ON');
    let deleted = 0;
    for (const { table, where } of plan) {
      const r = raw.prepare(`delete from ${quote(table)} where ${where}`).run(id);
      if (table === 'workshops') deleted = r.changes;
    }
    return deleted > 0;
  });
  return run();
}
