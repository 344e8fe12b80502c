/**
 * Pick the Store adapter from configuration (DESIGN §4, §7; issue 12): a SQLite file under
 * the data directory by default; Postgres when `databaseUrl` is a `postgres://` URL.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from './Store';
import { openSqliteStore } from './sqliteStore';

/** Whether `url` names a Postgres database. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** Open the configured store: Postgres at `databaseUrl`, else `<dataDir>/purple.sqlite`. */
export async function openStore(config: {
  dataDir: string;
  databaseUrl?: string;
  sqliteSynchronous?: 'NORMAL' | 'FULL';
  /** Board edits on Postgres: `off` commits them as SQLite's NORMAL does (default `on`). */
  postgresSynchronousCommit?: 'on' | 'off';
  /** Told which migration versions this open applied (`npm run migrate` prints them). */
  onMigrated?: (applied: number[]) => void;
}): Promise<Store> {
  if (config.databaseUrl) {
    if (isPostgresUrl(config.databaseUrl)) {
      // Loaded only here: on SQLite, pg's modules would only lengthen every restart (I95).
      const { openPostgresStore } = await import('./postgresStore');
      return openPostgresStore({
        connectionString: config.databaseUrl,
        onMigrated: config.onMigrated,
        editsSynchronousCommit: config.postgresSynchronousCommit !== 'off',
      });
    }
    throw new Error(
      'DATABASE_URL must be a postgres:// (or postgresql://) URL. Unset it to use the SQLite file in the data directory.',
    );
  }
  // The data folder holds the database and the secret key: the server's user only (I29).
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  chmodSync(config.dataDir, 0o700);
  return openSqliteStore({
    file: join(config.dataDir, 'purple.sqlite'),
    synchronous: config.sqliteSynchronous ?? 'NORMAL',
    onMigrated: config.onMigrated,
  });
}
