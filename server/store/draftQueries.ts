/**
 * Private drafts in SQL (issue 11; migration 14), written against Kysely so the SQLite
 * adapter and the Postgres one share them. A draft is a person's own log of Yjs updates,
 * kept until a facilitator reveals it into the board.
 */
import type { Kysely } from 'kysely';
import { bytes } from './kyselyRows';
import type { DraftAppend, DraftSummary, StoredUpdate } from './Store';
import type { Database } from './schema';

type Db = Kysely<Database>;

/** Append in one transaction; the primary key refuses a second writer taking the same seq. */
export function appendDraftUpdate(db: Db, input: DraftAppend): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('draft_updates')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('workshop_id', '=', input.workshopId)
      .where('participant_id', '=', input.participantId)
      .executeTakeFirst();
    const seq = Number(last?.seq ?? 0) + 1;
    await trx
      .insertInto('draft_updates')
      .values({
        workshop_id: input.workshopId,
        participant_id: input.participantId,
        seq,
        data: input.data,
        cards: input.cards,
        at: input.at,
      })
      .execute();
    return seq;
  });
}

export async function loadDraft(
  db: Db,
  workshopId: string,
  participantId: string,
): Promise<StoredUpdate[]> {
  const rows = await db
    .selectFrom('draft_updates')
    .select(['seq', 'data'])
    .where('workshop_id', '=', workshopId)
    .where('participant_id', '=', participantId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ seq: Number(r.seq), data: bytes(r.data) }));
}

export async function listDrafts(db: Db, workshopId: string): Promise<DraftSummary[]> {
  const rows = await db
    .selectFrom('draft_updates')
    .select([
      'participant_id',
      (eb) => eb.fn.sum<number>('cards').as('cards'),
      (eb) => eb.fn.max('seq').as('last'),
    ])
    .where('workshop_id', '=', workshopId)
    .groupBy('participant_id')
    .orderBy('participant_id')
    .execute();
  return rows.map((r) => ({
    participantId: r.participant_id,
    cards: Number(r.cards),
    lastSeq: Number(r.last),
  }));
}

export async function clearDraft(
  db: Db,
  workshopId: string,
  participantId: string,
  uptoSeq: number,
): Promise<void> {
  await db
    .deleteFrom('draft_updates')
    .where('workshop_id', '=', workshopId)
    .where('participant_id', '=', participantId)
    .where('seq', '<=', uptoSeq)
    .execute();
}
