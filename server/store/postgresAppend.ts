/**
 * The append path on Postgres (issue 12): each accepted update, or server write with its card
 * event, is one transaction that locks the workshop's row, takes the next seq from the
 * database (never a process cache, so several instances can share it), checks clientID
 * bindings and writes every row, or nothing.
 *
 * An ordered write (I62) is five round trips when nobody else wrote meanwhile: BEGIN, the
 * row lock, one read of the log's tail with its last seq and the facilitation state
 * (`postgresLogReader`), one statement for the update and its attributions and created cards,
 * COMMIT. The lock is held for all of them, so every round trip saved is taken off every
 * other instance's wait for the same board (bench section 9).
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import { type FacilitationState, facilitationSchema } from '../../lib/facilitation/state';
import { BindingConflictError } from './bindingConflict';
import { bytes } from './kyselyRows';
import { lockWorkshopRow, readLastSeq } from './kyselyStore';
import { kyselyLogReader } from './logQueries';
import type { AppendInput, LogReader, LogTail, ServerWriteInput } from './Store';
import type { Database } from './schema';

type Trx = Transaction<Database>;
type Db = Kysely<Database> | Trx;

/** Lock the workshop's row for this transaction and return its next seq. */
export async function nextSeq(trx: Trx, workshopId: string): Promise<number> {
  await lockWorkshopRow(trx, workshopId);
  // Two statements, not one: a statement that waited for the lock still reads with the
  // snapshot it started with, so a max(seq) in it would miss the append it waited for.
  return (await readLastSeq(trx, workshopId)) + 1;
}

/** A LogReader on Postgres that remembers what its last `since` read. */
export interface PostgresLogReader extends LogReader {
  /**
   * The log's last seq as the last `since` read it; null before any `since`. Inside an
   * ordered write, after the row lock, it is the seq this write follows.
   */
  lastSeq(): number | null;
}

/**
 * Parsed facilitation states by their stored text, so an ordered write parses the state
 * only when it changed. Bounded: cleared when it holds more than `max` workshops.
 */
export class FacilitationCache {
  private readonly byWorkshop = new Map<
    string,
    { text: string; state: FacilitationState | null }
  >();
  constructor(private readonly max = 1000) {}

  parse(workshopId: string, text: string | null): FacilitationState | null {
    if (text === null) return null;
    const hit = this.byWorkshop.get(workshopId);
    if (hit && hit.text === text) return hit.state;
    const parsed = facilitationSchema.safeParse(JSON.parse(text));
    const state = parsed.success ? parsed.data : null;
    if (this.byWorkshop.size >= this.max) this.byWorkshop.clear();
    this.byWorkshop.set(workshopId, { text, state });
    return state;
  }
}

interface TailRow {
  snap_seq: number | null;
  last_seq: number | null;
  fac: string | null;
  seq: number | null;
  data: Uint8Array | null;
}

/**
 * A log reader whose `since` is one statement that also reads the log's last seq and the
 * facilitation state, which `facilitation()` then answers from. In an ordered write it runs
 * after the row lock, in a statement of its own, so its snapshot includes every write that
 * held the lock before (READ COMMITTED takes a snapshot per statement).
 */
export function postgresLogReader(
  trx: Db,
  workshopId: string,
  facilitation: FacilitationCache,
): PostgresLogReader {
  const plain = kyselyLogReader(trx, workshopId);
  let last: number | null = null;
  let facText: string | null | undefined;
  return {
    ...plain,
    async since(afterSeq: number): Promise<LogTail> {
      const w = workshopId;
      const { rows } = await sql<TailRow>`
        select h.snap_seq, h.last_seq, h.fac, u.seq, u.data
        from (select
                (select upto_seq from snapshots where workshop_id = ${w}) as snap_seq,
                (select max(seq) from updates where workshop_id = ${w}) as last_seq,
                (select state from facilitation where workshop_id = ${w}) as fac) h
        left join updates u
          on u.workshop_id = ${w} and u.seq > greatest(${afterSeq}::int, coalesce(h.snap_seq, 0))
        order by u.seq`.execute(trx);
      const head = rows[0] as TailRow;
      const snapshotSeq = Number(head.snap_seq ?? 0);
      last = Math.max(Number(head.last_seq ?? 0), snapshotSeq);
      facText = head.fac;
      // Compaction folded entries this instance has not seen into the snapshot (rare).
      const snapshot = snapshotSeq > afterSeq ? await readSnapshot(trx, w) : null;
      const updates = rows
        .filter((r) => r.seq !== null && r.data !== null)
        .map((r) => ({ seq: Number(r.seq), data: bytes(r.data as Uint8Array) }));
      return { snapshot, snapshotSeq, updates };
    },
    facilitation() {
      if (facText === undefined) return plain.facilitation();
      return Promise.resolve(facilitation.parse(workshopId, facText));
    },
    lastSeq: () => last,
  };
}

async function readSnapshot(trx: Db, workshopId: string): Promise<Uint8Array | null> {
  const row = await trx
    .selectFrom('snapshots')
    .select('data')
    .where('workshop_id', '=', workshopId)
    .executeTakeFirst();
  return row ? bytes(row.data) : null;
}

/**
 * Write one update with its bindings, attributions and created cards; returns its seq.
 * `lastSeq`: the log's last seq read under this transaction's row lock, or null to lock
 * and read it here.
 */
export async function appendInTransaction(
  trx: Trx,
  input: AppendInput,
  lastSeq: number | null = null,
): Promise<number> {
  const w = input.workshopId;
  const who = input.participantId;
  const seq = lastSeq === null ? await nextSeq(trx, w) : lastSeq + 1;
  for (const b of input.bindings) {
    const owner = await trx
      .selectFrom('client_bindings')
      .select('participant_id')
      .where('workshop_id', '=', w)
      .where('client_id', '=', b.clientId)
      .executeTakeFirst();
    if (owner && owner.participant_id !== b.participantId)
      throw new BindingConflictError(w, b.clientId);
    if (!owner)
      await trx
        .insertInto('client_bindings')
        .values({
          workshop_id: w,
          client_id: b.clientId,
          participant_id: b.participantId,
          identifiable: b.identifiable ? 1 : 0,
        })
        .execute();
  }
  // One statement: the update, and its attributions and created cards as data-modifying
  // CTEs, which Postgres runs whether or not the outer statement reads them.
  let q = trx.with('u', (db) =>
    db.insertInto('updates').values(updateRow(w, seq, input.data, who)),
  );
  const attributions = input.attributions.map((a) => ({
    workshop_id: w,
    seq,
    participant_id: who,
    card_id: a.cardId,
    field: a.field ?? 'text',
    inserted: a.inserted,
    deleted: a.deleted,
  }));
  if (input.createdCards.length > 0) {
    const cards = input.createdCards.map((c) => ({
      workshop_id: w,
      card_id: c,
      participant_id: who,
    }));
    q = q.with('c', (db) =>
      db
        .insertInto('card_creators')
        .values(cards)
        .onConflict((oc) => oc.columns(['workshop_id', 'card_id']).doNothing()),
    ) as unknown as typeof q;
  }
  if (attributions.length > 0) await q.insertInto('attributions').values(attributions).execute();
  else await q.selectNoFrom(sql<number>`1`.as('one')).execute();
  return seq;
}

/** Write one server update and its card event; returns the update's seq. */
export async function serverWriteInTransaction(
  trx: Trx,
  input: ServerWriteInput,
  lastSeq: number | null = null,
): Promise<number> {
  const seq = lastSeq === null ? await nextSeq(trx, input.workshopId) : lastSeq + 1;
  const e = input.event;
  await trx
    .with('u', (db) =>
      db.insertInto('updates').values(updateRow(input.workshopId, seq, input.data, null)),
    )
    .insertInto('card_events')
    .values({
      workshop_id: e.workshopId,
      card_id: e.cardId,
      participant_id: e.participantId,
      action: e.action,
      at: e.at,
      identifiable: e.identifiable ? 1 : 0,
    })
    .execute();
  return seq;
}

function updateRow(
  workshopId: string,
  seq: number,
  data: Uint8Array,
  participantId: string | null,
) {
  return {
    workshop_id: workshopId,
    seq,
    data,
    participant_id: participantId,
    created_at: new Date().toISOString(),
  };
}
