/**
 * Live facilitation in SQL (issue 11; migration 11), written against Kysely so the SQLite
 * adapter and the Postgres one share it: the facilitation state as one JSON row per
 * workshop, attendance stretches, capability changes and the written-since sums.
 */
import { type Kysely, sql } from 'kysely';
import { type FacilitationState, facilitationSchema } from '../../lib/facilitation/state';
import type { AttendanceRow, WrittenRow } from './Store';
import type { Database } from './schema';

type Db = Kysely<Database>;

/** The stored state, or null; a row that no longer parses counts as none (logged by callers). */
export async function loadFacilitation(
  db: Db,
  workshopId: string,
): Promise<FacilitationState | null> {
  const r = await db
    .selectFrom('facilitation')
    .select('state')
    .where('workshop_id', '=', workshopId)
    .executeTakeFirst();
  if (!r) return null;
  const parsed = facilitationSchema.safeParse(JSON.parse(r.state));
  return parsed.success ? parsed.data : null;
}

/** Insert or replace the state in one statement. */
export async function saveFacilitation(
  db: Db,
  workshopId: string,
  state: FacilitationState,
  at: string,
): Promise<void> {
  const row = { workshop_id: workshopId, state: JSON.stringify(state), updated_at: at };
  await db
    .insertInto('facilitation')
    .values(row)
    .onConflict((oc) => oc.column('workshop_id').doUpdateSet({ state: row.state, updated_at: at }))
    .execute();
}

export async function openAttendance(db: Db, row: AttendanceRow): Promise<void> {
  await db
    .insertInto('attendance')
    .values({
      id: row.id,
      workshop_id: row.workshopId,
      participant_id: row.participantId,
      joined_at: row.joinedAt,
      left_at: row.leftAt,
    })
    .execute();
}

/**
 * Several attendance stretches in one statement. The rows go as one JSON parameter (SQLite's
 * json_each): hundreds of bound values cost Kysely more to build than the insert takes.
 * SQLite only.
 */
export async function openAttendances(db: Db, rows: readonly AttendanceRow[]): Promise<void> {
  if (rows.length === 0) return;
  const field = (name: keyof AttendanceRow) => sql<string>`json_extract(value, ${`$.${name}`})`;
  await db
    .insertInto('attendance')
    .columns(['id', 'workshop_id', 'participant_id', 'joined_at', 'left_at'])
    .expression((eb) =>
      eb
        .selectFrom(sql<{ value: string }>`json_each(${JSON.stringify(rows)})`.as('j'))
        .select([
          field('id').as('id'),
          field('workshopId').as('workshop_id'),
          field('participantId').as('participant_id'),
          field('joinedAt').as('joined_at'),
          field('leftAt').as('left_at'),
        ]),
    )
    .execute();
}

export async function closeAttendance(db: Db, id: string, leftAt: string): Promise<void> {
  await db
    .updateTable('attendance')
    .set({ left_at: leftAt })
    .where('id', '=', id)
    .where('left_at', 'is', null)
    .execute();
}

export async function closeOpenAttendance(db: Db, at: string): Promise<number> {
  const r = await db
    .updateTable('attendance')
    .set({ left_at: at })
    .where('left_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function listAttendance(db: Db, workshopId: string): Promise<AttendanceRow[]> {
  const rows = await db
    .selectFrom('attendance')
    .selectAll()
    .where('workshop_id', '=', workshopId)
    .orderBy('joined_at')
    .orderBy('id')
    .execute();
  return rows.map(toAttendance);
}

export async function listOpenAttendance(db: Db): Promise<AttendanceRow[]> {
  const rows = await db
    .selectFrom('attendance')
    .selectAll()
    .where('left_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map(toAttendance);
}

function toAttendance(r: {
  id: string;
  workshop_id: string;
  participant_id: string;
  joined_at: string;
  left_at: string | null;
}): AttendanceRow {
  return {
    id: r.id,
    workshopId: r.workshop_id,
    participantId: r.participant_id,
    joinedAt: r.joined_at,
    leftAt: r.left_at,
  };
}

export async function writtenSince(
  db: Db,
  workshopId: string,
  afterSeq: number,
): Promise<WrittenRow[]> {
  const rows = await db
    .selectFrom('attributions')
    .select(['participant_id', (eb) => eb.fn.sum<number>('inserted').as('inserted')])
    .where('workshop_id', '=', workshopId)
    .where('seq', '>', afterSeq)
    .groupBy('participant_id')
    .execute();
  return rows.map((r) => ({ participantId: r.participant_id, inserted: Number(r.inserted) }));
}
