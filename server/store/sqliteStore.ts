/**
 * The SQLite adapter of `Store` (DESIGN §4, §6): one file in WAL mode, reached through
 * Kysely over better-sqlite3. One process owns the file; queries run one at a time.
 */
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, type SqliteDatabase, SqliteDialect } from 'kysely';
import { KyselyStore, readLastSeq } from './kyselyStore';
import { deleteWorkshopEverywhere } from './peopleQueries';
import type { AppendInput, ServerWriteInput, Store } from './Store';
import { type Database, migrate } from './schema';
import { SharedReads } from './sharedReads';
import { SqliteAppend } from './sqliteAppend';
import type * as voting from './votingQueries';

type Db = Kysely<Database>;

/** Thrown by `appendUpdate` when a clientID is already bound to another participant. */
export { BindingConflictError } from './bindingConflict';

/**
 * SQLite has one writer and Kysely's driver runs one query at a time on our one
 * connection, so transactions never interleave and a round needs no row lock.
 */
const noLock: voting.LockRound = async () => undefined;

/** A SQLite-backed store; `pragma` reads a connection setting back (for tests and health). */
export interface SqliteStore extends Store {
  pragma(name: 'journal_mode' | 'synchronous' | 'foreign_keys' | 'busy_timeout'): unknown;
}

/** Open (creating if needed) the SQLite file, apply PRAGMAs and migrations, return a Store. */
export async function openSqliteStore(opts: {
  file: string;
  synchronous?: 'NORMAL' | 'FULL';
  /** Told which migration versions this open applied. */
  onMigrated?: (applied: number[]) => void;
}): Promise<SqliteStore> {
  if (opts.file !== ':memory:') mkdirSync(dirname(opts.file), { recursive: true, mode: 0o700 });
  const raw = new BetterSqlite3(opts.file);
  try {
    raw.pragma('journal_mode = WAL');
    ownerOnly(opts.file);
    raw.pragma(`synchronous = ${opts.synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: preparedOnce(raw) }),
    });
    const applied = await migrate(db, 'sqlite');
    opts.onMigrated?.(applied);
    return new SqliteStoreImpl(db, raw);
  } catch (error) {
    raw.close();
    throw error;
  }
}

/** How many distinct statements `preparedOnce` keeps (Purple's queries are a few hundred texts). */
const STATEMENTS_KEPT = 512;

/**
 * The database as Kysely's SQLite driver sees it, with each SQL text prepared once and kept
 * (least recently used first out). The driver prepares every query it runs; preparing was a
 * fifth of the query time of a restart's reconnecting room (profiled). A kept statement is
 * never used twice at once: the driver runs one query at a time, and a streamed one holds
 * the connection until it ends.
 */
export function preparedOnce(raw: BetterSqlite3.Database): SqliteDatabase {
  const kept = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => raw.close(),
    prepare(sql: string) {
      let stmt = kept.get(sql);
      if (stmt) kept.delete(sql);
      else stmt = raw.prepare(sql);
      kept.set(sql, stmt);
      if (kept.size > STATEMENTS_KEPT) {
        const oldest = kept.keys().next().value;
        if (oldest !== undefined) kept.delete(oldest);
      }
      return stmt;
    },
  };
}

/**
 * The database and its WAL files are readable by the server's user only (0600; I29).
 * SQLite gives the -wal and -shm files the main file's mode when it creates them.
 */
function ownerOnly(file: string): void {
  if (file === ':memory:') return;
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}

class SqliteStoreImpl extends KyselyStore implements SqliteStore {
  protected readonly lockRound = noLock;
  protected readonly rowLocks = false;
  /** Last committed seq per workshop; only ever read or written while holding the connection. */
  readonly #lastSeq = new Map<string, number>();
  readonly #append: SqliteAppend;
  /** Shared and kept reads (I91): told of the writes made with raw statements. */
  readonly #reads: SharedReads;

  constructor(
    db: Db,
    private readonly raw: BetterSqlite3.Database,
  ) {
    // One connection, one query at a time: concurrent identical reads can share (I91), and a
    // participant list is kept until a write here or a commit by another process.
    const dataVersion = raw.prepare('PRAGMA data_version').pluck();
    const reads = new SharedReads(() => dataVersion.get());
    super(db, reads);
    this.#reads = reads;
    this.#append = new SqliteAppend(raw);
  }

  pragma(name: 'journal_mode' | 'synchronous' | 'foreign_keys' | 'busy_timeout'): unknown {
    return this.raw.pragma(name, { simple: true });
  }

  async appendUpdate(input: AppendInput): Promise<number> {
    // better-sqlite3 is synchronous, so when no Kysely transaction is open the append runs
    // at once, as one synchronous transaction over prepared statements (sqliteAppend).
    // Waiting for Kysely's connection cost every edit about 50 µs before its broadcast
    // (measured in the fan-out bench); it is only needed while a Kysely transaction is
    // open, so that the append never lands inside it.
    if (!this.raw.inTransaction) return this.appendNow(input);
    return this.db.connection().execute(async () => this.appendNow(input));
  }

  private appendNow(input: AppendInput): number {
    return this.nextSeq(input.workshopId, (seq) => this.#append.write(input, seq));
  }

  /** Run `write` with the workshop's next seq, as one synchronous transaction. */
  private nextSeq(w: string, write: (seq: number) => void): number {
    try {
      const seq = (this.#lastSeq.get(w) ?? this.#append.lastSeq(w)) + 1;
      write(seq);
      this.#lastSeq.set(w, seq);
      return seq;
    } catch (error) {
      this.#lastSeq.delete(w); // reload from the file next time
      throw error;
    }
  }

  // ── Server writes (issue 8 §3; helper "yjs") ──────────────────────────────────

  async appendServerWrite(input: ServerWriteInput): Promise<number> {
    const now = () => this.nextSeq(input.workshopId, (seq) => this.#append.writeServer(input, seq));
    if (!this.raw.inTransaction) return now();
    return this.db.connection().execute(async () => now());
  }

  // ───────────────────────────────────────────────────────────────────────────────

  async lastSeq(workshopId: string) {
    return this.db.connection().execute(async (conn) => {
      const seq = this.#lastSeq.get(workshopId) ?? (await readLastSeq(conn, workshopId));
      this.#lastSeq.set(workshopId, seq);
      return seq;
    });
  }

  async deleteWorkshop(id: string) {
    return this.db.connection().execute(async () => {
      this.#lastSeq.delete(id); // a deleted workshop's seq must not outlive it in the cache
      // Raw statements the shared reads' plugin cannot see: forget before and after (I91).
      this.#reads.forget();
      try {
        return deleteWorkshopEverywhere(this.raw, id);
      } finally {
        this.#reads.forget();
      }
    });
  }
}
