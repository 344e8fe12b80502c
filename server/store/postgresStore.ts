/**
 * The Postgres adapter of `Store` (issue 12): the same Kysely queries as SQLite
 * (`KyselyStore`, `votingQueries.ts`) over the maintained `pg` client, the same migrations,
 * and a Postgres version of what SQLite does with raw statements: the append path
 * (`postgresAppend.ts`: seq from the database inside the transaction, under a row lock) and
 * deleting a workshop (`postgresSchemaInfo.ts`). Rounds are locked with a row lock, so
 * concurrent casts from any number of connections never exceed a budget.
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { KyselyStore, lockWorkshopRow, readLastSeq } from './kyselyStore';
import {
  appendIfUnchanged,
  appendInTransaction,
  FacilitationCache,
  postgresLogReader,
  serverWriteInTransaction,
} from './postgresAppend';
import { deletePostgresWorkshop } from './postgresSchemaInfo';
import type {
  AppendInput,
  LogReader,
  OrderedLog,
  OrderedResult,
  OrderedWrite,
  ServerWriteInput,
  Store,
} from './Store';
import { type Database, migrate } from './schema';
import type { LockRound } from './votingQueries';

/** How to reach Postgres. */
export interface PostgresOptions {
  /** A `postgres://` URL (DATABASE_URL). */
  connectionString: string;
  /** Use this schema instead of the URL's default (tests give each run its own). */
  schema?: string;
  /** Most connections the pool opens (default 10). */
  maxConnections?: number;
  /** Told which migration versions this open applied. */
  onMigrated?: (applied: number[]) => void;
  /**
   * Whether board edits (the log's entries) wait for their WAL to reach disk (default
   * true). False is `POSTGRES_SYNCHRONOUS_COMMIT=off`: edits are committed as they are on
   * SQLite's default (`synchronous=NORMAL`, the journal never fsynced), so an instance
   * killed at any moment loses nothing, and only a crash of the database machine can lose
   * the last fraction of a second of typing. Everything else stays synchronous.
   */
  editsSynchronousCommit?: boolean;
}

/** Open a pool, apply migrations (one instance at a time), return a Store. */
export async function openPostgresStore(opts: PostgresOptions): Promise<Store & OrderedLog> {
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: openPool(opts) }) });
  const edits = opts.editsSynchronousCommit === false ? openEditsPool(opts) : db;
  try {
    const applied = await migrate(db, 'postgres');
    opts.onMigrated?.(applied);
    return new PostgresStoreImpl(db, edits);
  } catch (error) {
    await db.destroy();
    if (edits !== db) await edits.destroy();
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Could not open the Postgres database at ${redacted(opts.connectionString)}: ${why}`,
      { cause: error },
    );
  }
}

/** A pool of connections to `opts`' database (and schema). */
function openPool(opts: PostgresOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: opts.connectionString,
    max: opts.maxConnections ?? 10,
    ...(opts.schema ? { options: `-c search_path=${quoteIdent(opts.schema)}` } : {}),
  });
  // An idle client that loses its server emits 'error'; the pool drops it and the next
  // query opens a fresh one, so the process must not crash on it.
  pool.on('error', (error) => console.error(`Postgres connection lost: ${error.message}`));
  return pool;
}

/** A second pool, for board edits only, whose connections commit without waiting for disk. */
export function openEditsPool(opts: PostgresOptions): Kysely<Database> {
  const pool = openPool(opts);
  // Queued before any query of the new connection's first user.
  pool.on('connect', (client) => {
    client.query('set synchronous_commit = off').catch(() => undefined);
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** The URL without its password, for messages and logs. */
export function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'DATABASE_URL (not a valid URL)';
  }
}

/** Quote a Postgres identifier. */
function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Lock a round's row so its casts and candidate changes run one at a time. */
const lockRoundRow: LockRound = async (trx, roundId) => {
  await trx.selectFrom('rounds').select('id').where('id', '=', roundId).forNoKeyUpdate().execute();
};

class PostgresStoreImpl extends KyselyStore implements OrderedLog {
  protected readonly lockRound = lockRoundRow;
  protected readonly rowLocks = true;
  private readonly facilitationTexts = new FacilitationCache();

  /** `edits`: where the log's entries are written (`editsSynchronousCommit`). */
  constructor(
    db: Kysely<Database>,
    private readonly edits: Kysely<Database>,
  ) {
    super(db);
  }

  async appendUpdate(input: AppendInput): Promise<number> {
    const written = await this.edits
      .transaction()
      .execute((trx) => appendInTransaction(trx, input));
    return written.seq;
  }

  async appendServerWrite(input: ServerWriteInput): Promise<number> {
    const written = await this.edits
      .transaction()
      .execute((trx) => serverWriteInTransaction(trx, input));
    return written.seq;
  }

  appendOrdered(
    workshopId: string,
    decide: (log: LogReader) => Promise<OrderedWrite | null>,
  ): Promise<OrderedResult> {
    return this.edits.transaction().execute(async (trx) => {
      // Lock first, so the log read inside `decide` is everything before this write (I62),
      // and the last seq it read is the one this write follows; the version the lock found
      // is the one that catch-up brings the caller to (I94).
      const before = await lockWorkshopRow(trx, workshopId);
      const log = postgresLogReader(trx, workshopId, this.facilitationTexts);
      const write = await decide(log);
      if (!write) return { seq: null, before, version: before };
      const written =
        write.kind === 'update'
          ? await appendInTransaction(trx, write.input, log.lastSeq())
          : await serverWriteInTransaction(trx, write.input, log.lastSeq());
      return { seq: written.seq, before, version: written.version };
    });
  }

  appendIfUnchanged(input: AppendInput, afterSeq: number, version: string) {
    return appendIfUnchanged(this.edits, input, afterSeq, version);
  }

  override logReader(workshopId: string): LogReader {
    return postgresLogReader(this.db, workshopId, this.facilitationTexts);
  }

  lastSeq(workshopId: string): Promise<number> {
    return readLastSeq(this.db, workshopId);
  }

  override async close(): Promise<void> {
    if (this.edits !== this.db) await this.edits.destroy();
    await super.close();
  }

  deleteWorkshop(id: string): Promise<boolean> {
    return deletePostgresWorkshop(this.db, id);
  }
}
