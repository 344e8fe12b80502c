/**
 * Concurrent identical reads share one query (I91), on SQLite. After a restart hundreds of
 * people reconnect within a second, and each connection's welcome read the workshop's
 * whole participant list (twice) and the same person and invite rows once per channel:
 * O(N) rows per connection, O(N²) for the room, the largest part of the restarted
 * server's time after the presence broadcasts (profiled at 500 people).
 *
 * Measured next: sharing in flight halved the participant-list queries but no more, since a
 * room's connections arrive a few milliseconds apart. So the last participant list of each
 * workshop is also kept (`keep`), and served while nothing could have changed it: no
 * write by this process since (below), and no commit by another process (SQLite's
 * `PRAGMA data_version`, which changes exactly when another connection commits).
 *
 * Since every read shared here is a person, an invite or a participant list, each is kept
 * the same way, not only the list: after a restart each person's two connections (Yjs and
 * socket.io) read their row and their invite, and most invites are shared by many people.
 *
 * A caller shares a read only while that read is still in flight, and a write to any table
 * but the few listed in `UNRELATED` makes every later caller start afresh: when the write
 * is compiled (before it runs) and again when its statement has run (before its caller
 * hears). So a caller who calls after a write finished never joins a read issued before it
 * finished; the read it joins or starts runs later on Kysely's single SQLite connection,
 * which a transaction holds until it commits, so it sees the write. Nobody gets a result
 * older than what they could read themselves. The argument needs that single connection:
 * on Postgres (a pool, read committed) reads are not shared.
 */
import {
  DeleteQueryNode,
  InsertQueryNode,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  SelectQueryNode,
  TableNode,
  type UnknownRow,
  UpdateQueryNode,
} from 'kysely';

/**
 * Tables whose writes cannot change a shared read (participants, invites). Attendance is
 * written on every control connection, in the middle of the very storm sharing is for.
 */
const UNRELATED: ReadonlySet<string> = new Set(['attendance']);

function tableOf(node: OperationNode | undefined): string | null {
  return node && TableNode.is(node) ? node.table.identifier.name : null;
}

/** The one table a write changes, when the query names exactly one; null otherwise. */
function writtenTable(node: RootOperationNode): string | null {
  if (InsertQueryNode.is(node)) return tableOf(node.into);
  if (UpdateQueryNode.is(node)) return tableOf(node.table);
  if (DeleteQueryNode.is(node)) {
    const froms = node.from.froms;
    return froms.length === 1 ? tableOf(froms[0]) : null;
  }
  return null;
}

/**
 * How many kept results at most (least recently used out first): enough for a person row
 * each of a few thousand people reconnecting at once.
 */
const KEPT_MAX = 4096;

export class SharedReads {
  private readonly inflight = new Map<string, Promise<unknown>>();
  /** Finished reads kept for `keep` callers, with the database version they were read at. */
  private readonly kept = new Map<string, { value: Promise<unknown>; version: unknown }>();

  /**
   * `version()`: a value that changes whenever another process commits to the database
   * (SQLite's `PRAGMA data_version`); without one nothing is kept past its read.
   */
  constructor(private readonly version: (() => unknown) | null = null) {}
  /** Writes that began and have not finished, by Kysely's query id. */
  private readonly writing = new WeakSet<object>();

  /** The Kysely plugin that tells this when a write begins and ends (attach it to the store's Kysely). */
  readonly plugin: KyselyPlugin = {
    transformQuery: (args: PluginTransformQueryArgs): RootOperationNode => {
      const node = args.node;
      if (!SelectQueryNode.is(node)) {
        const table = writtenTable(node);
        // Raw SQL, several tables or an unknown one: assume it may change anything.
        if (table === null || !UNRELATED.has(table)) {
          this.forget();
          this.writing.add(args.queryId);
        }
      }
      return node;
    },
    transformResult: async (args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> => {
      if (this.writing.has(args.queryId)) {
        this.writing.delete(args.queryId);
        this.forget();
      }
      return args.result;
    },
  };

  /** Reads in flight now (for tests). */
  get size(): number {
    return this.inflight.size;
  }

  /** Finished reads kept now (for tests). */
  get keptSize(): number {
    return this.kept.size;
  }

  /**
   * `read()`'s result, shared with every caller of the same `key` while it is in flight,
   * and kept afterwards until a write or another process's commit (when this has a
   * `version`; every read is kept, `keep` or not, see the module comment). Callers get the
   * same rows: they must not change them (none does; arrays are copied by the store
   * methods that return arrays).
   */
  run<T>(key: string, read: () => Promise<T>, _keep = true): Promise<T> {
    const known = this.inflight.get(key);
    if (known) return known as Promise<T>;
    const keep = this.version !== null;
    const version = this.version ? this.version() : undefined;
    if (keep) {
      const k = this.kept.get(key);
      if (k) {
        this.kept.delete(key);
        if (k.version === version) {
          this.kept.set(key, k); // most recently used last
          return k.value as Promise<T>;
        }
      }
    }
    const running = read();
    const done = (ok: boolean) => {
      // Still ours: no write began since it was issued (a write clears `inflight`).
      if (this.inflight.get(key) !== running) return;
      this.inflight.delete(key);
      if (!ok || version === undefined) return;
      this.kept.set(key, { value: running, version });
      if (this.kept.size > KEPT_MAX) {
        const oldest = this.kept.keys().next().value;
        if (oldest !== undefined) this.kept.delete(oldest);
      }
    };
    running.then(
      () => done(true),
      () => done(false),
    );
    this.inflight.set(key, running);
    return running;
  }

  /** A write began or ended (or one the plugin cannot see): later reads start afresh. */
  forget(): void {
    this.inflight.clear();
    this.kept.clear();
  }
}
