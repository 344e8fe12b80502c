/**
 * Reading a board's log to catch up (several instances, I62): the same Kysely queries on
 * SQLite and Postgres, over the store's connection or inside `appendOrdered`'s transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import { loadFacilitation } from './facilitationQueries';
import { bytes, toParticipant } from './kyselyRows';
import type { LogReader, LogTail, ParticipantRow } from './Store';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

/** A LogReader of one workshop over `db`. */
export function kyselyLogReader(db: Db, workshopId: string): LogReader {
  return {
    async since(afterSeq: number): Promise<LogTail> {
      const snap = await db
        .selectFrom('snapshots')
        .select('upto_seq')
        .where('workshop_id', '=', workshopId)
        .executeTakeFirst();
      const snapshotSeq = snap?.upto_seq ?? 0;
      // Compaction folded entries this instance has not seen into the snapshot: take it.
      const data =
        snapshotSeq > afterSeq
          ? await db
              .selectFrom('snapshots')
              .select('data')
              .where('workshop_id', '=', workshopId)
              .executeTakeFirst()
          : undefined;
      const updates = await db
        .selectFrom('updates')
        .select(['seq', 'data'])
        .where('workshop_id', '=', workshopId)
        .where('seq', '>', Math.max(afterSeq, snapshotSeq))
        .orderBy('seq')
        .execute();
      return {
        snapshot: data ? bytes(data.data) : null,
        snapshotSeq,
        updates: updates.map((u) => ({ seq: Number(u.seq), data: bytes(u.data) })),
      };
    },
    async bindingsFor(clientIds) {
      if (clientIds.length === 0) return [];
      const rows = await db
        .selectFrom('client_bindings')
        .select(['client_id', 'participant_id', 'identifiable'])
        .where('workshop_id', '=', workshopId)
        .where('client_id', 'in', [...clientIds])
        .execute();
      return rows.map((r) => ({
        clientId: Number(r.client_id),
        participantId: r.participant_id,
        ...(Number(r.identifiable) === 1 ? { identifiable: true } : {}),
      }));
    },
    async creatorsFor(cardIds) {
      if (cardIds.length === 0) return [];
      const rows = await db
        .selectFrom('card_creators')
        .select(['card_id', 'participant_id'])
        .where('workshop_id', '=', workshopId)
        .where('card_id', 'in', [...cardIds])
        .execute();
      return rows.map((r) => ({ cardId: r.card_id, participantId: r.participant_id }));
    },
    participants: () => listParticipants(db, workshopId),
    facilitation: () => loadFacilitation(db, workshopId),
  };
}

/** A workshop's participants, oldest first (as `Store.listParticipants`). */
export async function listParticipants(db: Db, workshopId: string): Promise<ParticipantRow[]> {
  const rows = await db
    .selectFrom('participants')
    .selectAll()
    .where('workshop_id', '=', workshopId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toParticipant);
}
