/**
 * Pick the Store adapter from configuration (DESIGN §4, §7): a SQLite file under the data
 * directory by default; Postgres when `databaseUrl` is set (not built yet).
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from './Store';
import { openSqliteStore } from './sqliteStore';

/** Open the configured store: `<dataDir>/purple.sqlite`, or fail clearly for Postgres. */
export async function openStore(config: {
  dataDir: string;
  databaseUrl?: string;
  sqliteSynchronous?: 'NORMAL' | 'FULL';
}): Promise<Store> {
  if (config.databaseUrl) {
    throw new Error(
      'DATABASE_URL is set, but the Postgres adapter is not built yet (it comes in a later issue). Unset DATABASE_URL to use the SQLite file in the data directory.',
    );
  }
  // The data folder holds the database and the secret key: the server's user only (I29).
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  chmodSync(config.dataDir, 0o700);
  return openSqliteStore({
    file: join(config.dataDir, 'purple.sqlite'),
    synchronous: config.sqliteSynchronous ?? 'NORMAL',
  });
}
