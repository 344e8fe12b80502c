/** A statement compiled once runs with each call's values (real SQLite through Kysely). */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { expect, it } from 'vitest';
import { CompiledOnce } from './compiledOnce';

interface Db {
  people: { id: string; name: string; left: string | null };
}

async function rig() {
  const compiles: string[] = [];
  const db = new Kysely<Db>({
    dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }),
  });
  await db.schema
    .createTable('people')
    .addColumn('id', 'text')
    .addColumn('name', 'text')
    .addColumn('left', 'text')
    .execute();
  const insert = new CompiledOnce(() => {
    compiles.push('insert');
    return db.insertInto('people').values({ id: '', name: '', left: '' }).compile();
  }, 3);
  const byId = new CompiledOnce(() => {
    compiles.push('select');
    return db.selectFrom('people').selectAll().where('id', '=', '').compile();
  }, 1);
  return { db, insert, byId, compiles };
}

it('compiles once and runs with each call’s values, nulls included', async () => {
  const { db, insert, byId, compiles } = await rig();
  await db.executeQuery(insert.with(['a', 'Ann', null]));
  await db.executeQuery(insert.with(['b', 'Bea', '2026-12-02']));
  expect((await db.executeQuery(byId.with(['a']))).rows).toEqual([
    { id: 'a', name: 'Ann', left: null },
  ]);
  expect((await db.executeQuery(byId.with(['b']))).rows).toEqual([
    { id: 'b', name: 'Bea', left: '2026-12-02' },
  ]);
  expect((await db.executeQuery(byId.with(['nobody']))).rows).toEqual([]);
  expect(compiles).toEqual(['insert', 'select']);
});

it('refuses the wrong number of values, and a statement that does not bind them all', async () => {
  const { db, byId } = await rig();
  expect(() => byId.with([])).toThrow('expected 1 values, got 0');
  const inlined = new CompiledOnce(
    () => db.selectFrom('people').selectAll().where('id', '=', sql.lit('a')).compile(),
    1,
  );
  expect(() => inlined.with(['a'])).toThrow('expected 1 bound values, the query has 0');
});
