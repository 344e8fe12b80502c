/**
 * Decision and indicator records in SQL (issue 9; migration 12), written against Kysely so
 * SQLite and Postgres share them: current outcomes and their history, actions, readings
 * and priority closures. Every multi-row write is one transaction (I73); the caps on
 * actions and readings are counted inside it.
 */
import type { CreateTableBuilder, Kysely, Transaction } from 'kysely';
import type { ActionStatus, Outcome } from '../../lib/protocol/recordEvents';
import type {
  ActionChange,
  ActionRow,
  ClosureRow,
  OutcomeRow,
  ReadingRow,
  RecordsData,
} from './recordRows';
import type { Database } from './schema';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;
/** Serialises the writes of one workshop inside a transaction (a row lock on Postgres). */
export type LockWorkshop = (trx: Trx, workshopId: string) => Promise<void>;

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's row types.
type AnyDb = Kysely<any>;

/** Version 12 (issue 9): outcomes with their history, actions, readings, closures. */
export async function recordsMigration(db: AnyDb): Promise<void> {
  const s = db.schema;
  await outcomeColumns(s.createTable('outcomes'))
    .addPrimaryKeyConstraint('outcomes_pk', ['workshop_id', 'decision_id'])
    .execute();
  await outcomeColumns(s.createTable('outcome_history'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('outcome_history_pk', ['workshop_id', 'decision_id', 'version'])
    .execute();
  await s
    .createTable('record_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id'))
    .addColumn('decision_id', 'text', (c) => c.notNull())
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('who', 'text', (c) => c.notNull())
    .addColumn('by_when', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s
    .createIndex('record_actions_decision')
    .on('record_actions')
    .columns(['workshop_id', 'decision_id'])
    .execute();
  await s
    .createTable('readings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id'))
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('identifiable', 'integer', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();
  await s
    .createIndex('readings_indicator')
    .on('readings')
    .columns(['workshop_id', 'indicator_id'])
    .execute();
  await s
    .createTable('priority_closures')
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id'))
    .addColumn('card_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('priority_closures_pk', ['workshop_id', 'card_id'])
    .execute();
}

/** The columns an outcome and each entry of its history share. */
function outcomeColumns(t: CreateTableBuilder<string, never>) {
  return t
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id'))
    .addColumn('decision_id', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('against_lived', 'integer', (c) => c.notNull())
    .addColumn('against_because', 'text')
    .addColumn('lived_disagreed', 'integer', (c) => c.notNull())
    .addColumn('saved_by', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull());
}

type OutcomeDb = Database['outcomes'];

/** A stored outcome (or history entry) as the Store hands it out. */
export const toOutcome = (r: OutcomeDb): OutcomeRow => ({
  workshopId: r.workshop_id,
  decisionId: r.decision_id,
  outcome: r.outcome as Outcome,
  rationale: r.rationale,
  againstLived: Number(r.against_lived) === 1,
  againstBecause: r.against_because as OutcomeRow['againstBecause'],
  livedDisagreed: Number(r.lived_disagreed) === 1,
  savedBy: r.saved_by,
  savedAt: r.saved_at,
});

/** An outcome as a stored row. */
export const outcomeValues = (r: OutcomeRow): OutcomeDb => ({
  workshop_id: r.workshopId,
  decision_id: r.decisionId,
  outcome: r.outcome,
  rationale: r.rationale,
  against_lived: r.againstLived ? 1 : 0,
  against_because: r.againstBecause,
  lived_disagreed: r.livedDisagreed ? 1 : 0,
  saved_by: r.savedBy,
  saved_at: r.savedAt,
});

/** A stored action as the Store hands it out. */
export const toAction = (r: Database['record_actions']): ActionRow => ({
  id: r.id,
  workshopId: r.workshop_id,
  decisionId: r.decision_id,
  what: r.what,
  who: r.who,
  byWhen: r.by_when,
  status: r.status as ActionStatus,
  reason: r.reason,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** A stored reading as the Store hands it out. */
export const toReading = (r: Database['readings']): ReadingRow => ({
  id: r.id,
  workshopId: r.workshop_id,
  indicatorId: r.indicator_id,
  value: Number(r.value),
  date: r.date,
  note: r.note,
  addedBy: r.added_by,
  identifiable: Number(r.identifiable) === 1,
  addedAt: r.added_at,
});

/** A stored closure as the Store hands it out. */
export const toClosure = (r: Database['priority_closures']): ClosureRow => ({
  workshopId: r.workshop_id,
  cardId: r.card_id,
  reason: r.reason,
  closedBy: r.closed_by,
  closedAt: r.closed_at,
});

/** An action as a stored row. */
export const actionValues = (row: ActionRow): Database['record_actions'] => ({
  id: row.id,
  workshop_id: row.workshopId,
  decision_id: row.decisionId,
  what: row.what,
  who: row.who,
  by_when: row.byWhen,
  status: row.status,
  reason: row.reason,
  created_by: row.createdBy,
  created_at: row.createdAt,
  updated_at: row.updatedAt,
});

/** A reading as a stored row. */
export const readingValues = (row: ReadingRow): Database['readings'] => ({
  id: row.id,
  workshop_id: row.workshopId,
  indicator_id: row.indicatorId,
  value: row.value,
  date: row.date,
  note: row.note,
  added_by: row.addedBy,
  identifiable: row.identifiable ? 1 : 0,
  added_at: row.addedAt,
});

/** A closure as a stored row. */
export const closureValues = (row: ClosureRow): Database['priority_closures'] => ({
  workshop_id: row.workshopId,
  card_id: row.cardId,
  reason: row.reason,
  closed_by: row.closedBy,
  closed_at: row.closedAt,
});

/** Everything stored of a workshop's records. */
export async function loadRecords(db: Db, workshopId: string): Promise<RecordsData> {
  const [outcomes, actions, readings, closures] = await Promise.all([
    db
      .selectFrom('outcomes')
      .selectAll()
      .where('workshop_id', '=', workshopId)
      .orderBy('saved_at')
      .orderBy('decision_id')
      .execute(),
    db
      .selectFrom('record_actions')
      .selectAll()
      .where('workshop_id', '=', workshopId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('readings')
      .selectAll()
      .where('workshop_id', '=', workshopId)
      .orderBy('date')
      .orderBy('added_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('priority_closures')
      .selectAll()
      .where('workshop_id', '=', workshopId)
      .orderBy('closed_at')
      .orderBy('card_id')
      .execute(),
  ]);
  return {
    outcomes: outcomes.map(toOutcome),
    actions: actions.map(toAction),
    readings: readings.map(toReading),
    closures: closures.map(toClosure),
  };
}

/** Replace the current outcome and append it to the history, in one transaction. */
export async function saveOutcome(db: Db, lock: LockWorkshop, row: OutcomeRow): Promise<void> {
  const values = outcomeValues(row);
  await db.transaction().execute(async (trx) => {
    await lock(trx, row.workshopId);
    const last = await trx
      .selectFrom('outcome_history')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('workshop_id', '=', row.workshopId)
      .where('decision_id', '=', row.decisionId)
      .executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    await trx
      .insertInto('outcome_history')
      .values({ ...values, version })
      .execute();
    const { workshop_id: _w, decision_id: _d, ...change } = values;
    await trx
      .insertInto('outcomes')
      .values(values)
      .onConflict((oc) => oc.columns(['workshop_id', 'decision_id']).doUpdateSet(change))
      .execute();
  });
}

export async function outcomeHistory(
  db: Db,
  workshopId: string,
  decisionId: string,
): Promise<OutcomeRow[]> {
  const rows = await db
    .selectFrom('outcome_history')
    .selectAll()
    .where('workshop_id', '=', workshopId)
    .where('decision_id', '=', decisionId)
    .orderBy('version')
    .execute();
  return rows.map(toOutcome);
}

/** Insert a row unless `count` rows already share its parent, in one transaction. */
async function addCapped(
  db: Db,
  lock: LockWorkshop,
  workshopId: string,
  count: (trx: Trx) => Promise<number>,
  max: number,
  insert: (trx: Trx) => Promise<unknown>,
): Promise<'ok' | 'full'> {
  return db.transaction().execute(async (trx) => {
    await lock(trx, workshopId);
    if ((await count(trx)) >= max) return 'full' as const;
    await insert(trx);
    return 'ok' as const;
  });
}

const countRows = async (q: { executeTakeFirst(): Promise<{ n: unknown } | undefined> }) =>
  Number((await q.executeTakeFirst())?.n ?? 0);

export function addAction(db: Db, lock: LockWorkshop, row: ActionRow, max: number) {
  return addCapped(
    db,
    lock,
    row.workshopId,
    (trx) =>
      countRows(
        trx
          .selectFrom('record_actions')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('workshop_id', '=', row.workshopId)
          .where('decision_id', '=', row.decisionId),
      ),
    max,
    (trx) => trx.insertInto('record_actions').values(actionValues(row)).execute(),
  );
}

export async function updateAction(
  db: Db,
  workshopId: string,
  actionId: string,
  change: ActionChange,
): Promise<ActionRow | null> {
  const r = await db
    .updateTable('record_actions')
    .set({ status: change.status, reason: change.reason, updated_at: change.updatedAt })
    .where('workshop_id', '=', workshopId)
    .where('id', '=', actionId)
    .returningAll()
    .executeTakeFirst();
  return r ? toAction(r) : null;
}

export function addReading(db: Db, lock: LockWorkshop, row: ReadingRow, max: number) {
  return addCapped(
    db,
    lock,
    row.workshopId,
    (trx) =>
      countRows(
        trx
          .selectFrom('readings')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('workshop_id', '=', row.workshopId)
          .where('indicator_id', '=', row.indicatorId),
      ),
    max,
    (trx) => trx.insertInto('readings').values(readingValues(row)).execute(),
  );
}

export async function removeReading(
  db: Db,
  workshopId: string,
  readingId: string,
): Promise<boolean> {
  const r = await db
    .deleteFrom('readings')
    .where('workshop_id', '=', workshopId)
    .where('id', '=', readingId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function setClosure(
  db: Db,
  workshopId: string,
  cardId: string,
  row: ClosureRow | null,
): Promise<boolean> {
  if (!row) {
    const r = await db
      .deleteFrom('priority_closures')
      .where('workshop_id', '=', workshopId)
      .where('card_id', '=', cardId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
  const change = { reason: row.reason, closed_by: row.closedBy, closed_at: row.closedAt };
  await db
    .insertInto('priority_closures')
    .values({ workshop_id: workshopId, card_id: cardId, ...change })
    .onConflict((oc) => oc.columns(['workshop_id', 'card_id']).doUpdateSet(change))
    .execute();
  return true;
}

/** Cards a participant created, or inserted characters in (from the attribution log). */
export async function cardsWrittenBy(
  db: Db,
  workshopId: string,
  participantId: string,
): Promise<string[]> {
  const [created, wrote] = await Promise.all([
    db
      .selectFrom('card_creators')
      .select('card_id')
      .where('workshop_id', '=', workshopId)
      .where('participant_id', '=', participantId)
      .execute(),
    db
      .selectFrom('attributions')
      .select('card_id')
      .distinct()
      .where('workshop_id', '=', workshopId)
      .where('participant_id', '=', participantId)
      .where('inserted', '>', 0)
      .execute(),
  ]);
  return [...new Set([...created, ...wrote].map((r) => r.card_id))].sort();
}
