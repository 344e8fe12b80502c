/**
 * `npm run migrate`: applies every pending migration to the configured store and exits
 * (issue 12). Postgres when DATABASE_URL is a postgres:// URL, else the SQLite file in
 * DATA_DIR; the same schema history on both. The server also migrates at start-up (safe:
 * on Postgres, instances take turns under an advisory lock), so this is for running the
 * step on its own, e.g. before a redeploy.
 */
import { loadConfig } from '../server/config';
import { openStore } from '../server/store/openStore';
import { MIGRATIONS } from '../server/store/schema';

async function main(): Promise<void> {
  const config = loadConfig();
  const where = config.databaseUrl ? 'Postgres (DATABASE_URL)' : `SQLite in ${config.dataDir}`;
  let applied: number[] = [];
  const store = await openStore({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    sqliteSynchronous: config.sqliteSynchronous,
    onMigrated: (versions) => {
      applied = versions;
    },
  });
  await store.close();
  const latest = MIGRATIONS.at(-1)?.version ?? 0;
  console.log(
    applied.length > 0
      ? `${where}: applied migrations ${applied.join(', ')}; schema is at version ${latest}.`
      : `${where}: nothing to apply; schema is at version ${latest}.`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
