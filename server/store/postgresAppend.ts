/**
 * The append path on Postgres (issue 12): each accepted update, or server write with its card
 * event, is one transaction that locks the workshop's row, takes the next seq from the
 * database (never a process cache, so several instances can share it), checks clientID
 * bindings and writes every row, or nothing.
 *
 * An ordered write (I62) is five round trips: BEGIN, the row lock, one read of the log's
 * tail with its last seq, the facilitation state and the row's version
 * (`postgresLogReader`), one statement for a new version of the row, the update, its
 * attributions and created cards (`writeEntry`), COMMIT. The lock is held for all of them,
 * so every round trip saved is taken off every other instance's wait for the same board
 * (bench section 9). The fast path (`appendIfUnchanged`, I94) is one statement.
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
  version: string | null;
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
  let version: string | null = null;
  return {
    ...plain,
    async since(afterSeq: number): Promise<LogTail> {
      const w = workshopId;
      const { rows } = await sql<TailRow>`
        select h.version, h.snap_seq, h.last_seq, h.fac, u.seq, u.data
        from (select
                (select xmin::text from workshops where id = ${w}) as version,
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
      version = head.version;
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
    version: () => version,
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

/** An entry written: its seq and the version of the workshop's row it left (I94). */
export interface Written {
  seq: number;
  version: string;
}

/**
 * Write one update with its bindings, attributions and created cards.
 * `lastSeq`: the log's last seq read under this transaction's row lock, or null to lock
 * and read it here.
 */
export async function appendInTransaction(
  trx: Trx,
  input: AppendInput,
  lastSeq: number | null = null,
): Promise<Written> {
  const w = input.workshopId;
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
  const version = await writeEntry(trx, input, seq, null);
  if (version === null) throw new Error(`workshop ${w} is gone`);
  return { seq, version };
}

/** Write one server update and its card event. */
export async function serverWriteInTransaction(
  trx: Trx,
  input: ServerWriteInput,
  lastSeq: number | null = null,
): Promise<Written> {
  const seq = lastSeq === null ? await nextSeq(trx, input.workshopId) : lastSeq + 1;
  const e = input.event;
  const { rows } = await sql<{ version: string }>`
    with v as (
      update workshops set title = title where id = ${input.workshopId}
      returning xmin::text as version
    ), u as (
      insert into updates (workshop_id, seq, data, participant_id, created_at)
      select ${input.workshopId}::text, ${seq}::int, ${input.data}::bytea, null,
             ${new Date().toISOString()}::text
      from v
    ), e as (
      insert into card_events (workshop_id, card_id, participant_id, action, at, identifiable)
      select ${e.workshopId}::text, ${e.cardId}::text, ${e.participantId}::text,
             ${e.action}::text, ${e.at}::text, ${e.identifiable ? 1 : 0}::int
      from v
    )
    select version from v`.execute(trx);
  const version = rows[0]?.version;
  if (version === undefined) throw new Error(`workshop ${input.workshopId} is gone`);
  return { seq, version };
}

/**
 * The fast path of an ordered write (I94): ONE statement, committed on its own, that writes
 * entry `afterSeq + 1` only if the workshop's row is still at `version`. Every writer of the
 * log, the facilitation state and the snapshot writes a new version of that row under its
 * lock (`writeEntry`, `bumpWorkshopRow`), and an UPDATE re-checks its WHERE against the
 * row's latest version after waiting for the lock, so an unchanged version means the
 * caller's document and state are the database's and `afterSeq + 1` is the next entry.
 * Returns the new version, or null when the row had moved on (nothing written).
 */
export function appendIfUnchanged(
  db: Db,
  input: AppendInput,
  afterSeq: number,
  version: string,
): Promise<string | null> {
  if (input.bindings.length > 0)
    throw new Error('appendIfUnchanged binds no clientID: use appendOrdered');
  return writeEntry(db, input, afterSeq + 1, version);
}

/**
 * One statement: a new version of the workshop's row (only from `expected`, when given),
 * then the update, its attributions and created cards, as data-modifying CTEs that write
 * only when the row was. Returns the row's new version, or null when nothing was written.
 */
async function writeEntry(
  db: Db,
  input: AppendInput,
  seq: number,
  expected: string | null,
): Promise<string | null> {
  const w = input.workshopId;
  const who = input.participantId;
  const a = input.attributions;
  const { rows } = await sql<{ version: string }>`
    with v as (
      update workshops set title = title
      where id = ${w} ${expected === null ? sql`` : sql`and xmin::text = ${expected}`}
      returning xmin::text as version
    ), u as (
      insert into updates (workshop_id, seq, data, participant_id, created_at)
      select ${w}::text, ${seq}::int, ${input.data}::bytea, ${who}::text,
             ${new Date().toISOString()}::text
      from v
    ), a as (
      insert into attributions (workshop_id, seq, participant_id, card_id, field, inserted, deleted)
      select ${w}::text, ${seq}::int, ${who}::text, x.card_id, x.field, x.inserted, x.deleted
      from v, unnest(${a.map((r) => r.cardId)}::text[], ${a.map((r) => r.field ?? 'text')}::text[],
                     ${a.map((r) => r.inserted)}::int[], ${a.map((r) => r.deleted)}::int[])
             as x(card_id, field, inserted, deleted)
    ), c as (
      insert into card_creators (workshop_id, card_id, participant_id)
      select ${w}::text, x.card_id, ${who}::text
      from v, unnest(${input.createdCards}::text[]) as x(card_id)
      on conflict (workshop_id, card_id) do nothing
    )
    select version from v`.execute(db);
  return rows[0]?.version ?? null;
}
