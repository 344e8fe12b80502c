/**
 * Concurrent identical reads share one query (I91), on SQLite. After a restart hundreds of
 * people reconnect within a second, and each connection's welcome read the workshop's
 * whole participant list (twice) and the same person and invite rows once per channel:
 * O(N) rows per connection, O(N²) for the room, the largest part of the restarted
 * server's time after the presence broadcasts (profiled at 500 people).
 *
 * A caller shares a read only while that read is still in flight, and a write to any table
 * but the few listed in `UNRELATED` makes every later caller start afresh: it is told the
 * moment the write is compiled, before it runs. Kysely's SQLite driver runs one query at a
 * time on its single connection, and a transaction holds that connection until it commits,
 * so a read started after a write began runs after that write's commit. A caller therefore
 * never gets a result older than its own call's view of the database: it only joins a read
 * that was issued before it called and that no write has overtaken since. That ordering
 * argument needs the single connection, so Postgres (a pool) does not share reads.
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

export class SharedReads {
  private readonly inflight = new Map<string, Promise<unknown>>();

  /** The Kysely plugin that tells this a write began (attach it to the store's Kysely). */
  readonly plugin: KyselyPlugin = {
    transformQuery: (args: PluginTransformQueryArgs): RootOperationNode => {
      const node = args.node;
      if (!SelectQueryNode.is(node)) {
        const table = writtenTable(node);
        // Raw SQL, several tables or an unknown one: assume it may change anything.
        if (table === null || !UNRELATED.has(table)) this.inflight.clear();
      }
      return node;
    },
    transformResult: async (args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> =>
      args.result,
  };

  /** Reads in flight now (for tests). */
  get size(): number {
    return this.inflight.size;
  }

  /**
   * `read()`'s result, shared with every caller of the same `key` while it is in flight.
   * Callers get the same rows: they must not change them (none does; arrays are copied by
   * the store methods that return arrays).
   */
  run<T>(key: string, read: () => Promise<T>): Promise<T> {
    const known = this.inflight.get(key);
    if (known) return known as Promise<T>;
    const running = read().finally(() => {
      if (this.inflight.get(key) === running) this.inflight.delete(key);
    });
    this.inflight.set(key, running);
    return running;
  }

  /** A write the plugin cannot see (raw statements) began: later reads start afresh. */
  forget(): void {
    this.inflight.clear();
  }
}
