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
import type { AppendInput, LoadedDocument, ServerWriteInput, Store } from './Store';
import { type Database, migrate } from './schema';
import { SharedReads } from './sharedReads';
import { SqliteAppend } from './sqliteAppend';
import { type JournalEntry, replayJournals, UpdateJournal } from './updateJournal';
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
  /** What opening replayed from the journals of stopped processes (I92). */
  readonly replayed: { records: number; torn: number };
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
    // The journal is as durable as SQLite at NORMAL; FULL fsyncs every commit, so it keeps
    // the plain path (a journal would need an fsync of its own before the broadcast).
    const journalled = opts.file !== ':memory:' && opts.synchronous !== 'FULL';
    return new SqliteStoreImpl(db, raw, journalled ? opts.file : null);
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
  readonly replayed = { records: 0, torn: 0 };
  /** This store's journal (I92); null for `:memory:` and `synchronous=FULL`. */
  private readonly journal: UpdateJournal | null;
  /** Journalled, broadcast, and not yet committed to SQLite (only after a failed commit). */
  private readonly backlog: JournalEntry[] = [];
  private pending: JournalEntry | null = null;
  /** Shared and kept reads (I91): told of the writes made with raw statements. */
  readonly #reads: SharedReads;

  constructor(
    db: Db,
    private readonly raw: BetterSqlite3.Database,
    file: string | null,
  ) {
    // One connection, one query at a time: concurrent identical reads can share (I91), and a
    // participant list is kept until a write here or a commit by another process.
    const dataVersion = raw.prepare('PRAGMA data_version').pluck();
    const reads = new SharedReads(() => dataVersion.get());
    super(db, reads);
    this.#reads = reads;
    this.#append = new SqliteAppend(raw);
    this.journal = null;
    if (file) {
      // Edits a stopped process broadcast but had not yet committed: commit them first.
      Object.assign(
        this.replayed,
        replayJournals(file, (entries) => {
          for (const e of entries)
            if (!this.#append.covered(e.workshopId, e.seq)) this.commitEntry(e);
        }),
      );
      this.journal = UpdateJournal.open(file);
    }
  }

  pragma(name: 'journal_mode' | 'synchronous' | 'foreign_keys' | 'busy_timeout'): unknown {
    return this.raw.pragma(name, { simple: true });
  }

  /**
   * The fast path (I92): journal an ordinary edit (no new bindings, no new cards) and
   * return its seq; the caller broadcasts it and then calls `settleJournal` in the same
   * synchronous step. Null when the edit must take `appendUpdate`. Arrow functions, so they
   * work through the Proxies that wrap the store (metrics, tests).
   */
  readonly journalUpdate = (input: AppendInput): number | null => {
    const journal = this.journal;
    if (!journal || journal.broken || this.pending || this.backlog.length > 0) return null;
    if (input.bindings.length > 0 || input.createdCards.length > 0) return null;
    // A Kysely transaction holds the connection: the append must not land inside it.
    if (this.raw.inTransaction) return null;
    const w = input.workshopId;
    const seq = (this.#lastSeq.get(w) ?? this.#append.lastSeq(w)) + 1;
    const entry: JournalEntry = {
      workshopId: w,
      seq,
      participantId: input.participantId,
      data: input.data,
      createdAt: new Date().toISOString(),
      attributions: input.attributions,
    };
    try {
      journal.append(entry);
    } catch {
      return null; // the disk refused the journal: the plain path reports it
    }
    this.#lastSeq.set(w, seq);
    this.pending = entry;
    return seq;
  };

  /** Commit the journalled edit to SQLite; throws (keeping it for the next write) on failure. */
  readonly settleJournal = (): void => {
    const entry = this.pending;
    if (!entry) return;
    this.pending = null;
    this.backlog.push(entry);
    this.settleBacklog();
  };

  /**
   * Commit what a failed commit left journalled, in seq order, before anything else. This
   * and the journal's state are plain properties and arrow functions, not #private: tests
   * and metrics wrap the store in Proxies, where a #private read throws.
   */
  private readonly settleBacklog = (): void => {
    while (this.backlog.length > 0) {
      this.commitEntry(this.backlog[0] as JournalEntry);
      this.backlog.shift();
    }
    this.journal?.settled();
  };

  private readonly commitEntry = (e: JournalEntry): void => {
    const input: AppendInput = {
      workshopId: e.workshopId,
      data: e.data,
      participantId: e.participantId,
      bindings: [],
      attributions: e.attributions,
      createdCards: [],
    };
    this.#append.write(input, e.seq, e.createdAt);
  };

  override async loadDocument(workshopId: string): Promise<LoadedDocument> {
    this.settleBacklog();
    return super.loadDocument(workshopId);
  }

  override async compact(workshopId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    this.settleBacklog();
    return super.compact(workshopId, snapshot, uptoSeq);
  }

  override async close(): Promise<void> {
    try {
      this.settleBacklog();
    } catch {
      // Left in the journal: the next open commits it.
    }
    if (this.backlog.length > 0 || this.pending) this.journal?.abandon();
    else this.journal?.close();
    return super.close();
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
    this.settleBacklog();
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
    const now = () => {
      this.settleBacklog();
      return this.nextSeq(input.workshopId, (seq) => this.#append.writeServer(input, seq));
    };
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
      // A deleted workshop's uncommitted edits would only fail their foreign keys forever.
      for (let i = this.backlog.length - 1; i >= 0; i--)
        if (this.backlog[i]?.workshopId === id) this.backlog.splice(i, 1);
      // Its edits must not outlive it in the journal either (everything there is committed).
      if (this.backlog.length === 0 && !this.pending) this.journal?.truncate();
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
