/**
 * `npm run workshop -- export <workshop id> --out <file.json>` and
 * `npm run workshop -- import <file.json>` (issue 12, I61): move one workshop between
 * stores, e.g. from a pilot's SQLite file to Postgres. DATABASE_URL (Postgres) or DATA_DIR
 * (SQLite) chooses the store, as for the server. Import validates the whole file first,
 * writes it in one transaction and never overwrites a workshop that is already there.
 * The file holds personal data (names, access needs): it is written readable by its owner
 * only. The server that serves the moved workshop needs the same secret key (PURPLE_SECRET
 * or DATA_DIR/secret.key), or every invite and personal link stops working.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadConfig } from '../server/config';
import { openStore } from '../server/store/openStore';
import type { Store } from '../server/store/Store';
import { parseWorkshopFile } from '../server/store/workshopFile';

/** The largest file import reads (a long workshop's update log is a few MiB). */
const MAX_FILE_BYTES = 512 * 1024 * 1024;

const USAGE = `Usage:
  npm run workshop -- export <workshop id> --out <file.json>
  npm run workshop -- import <file.json>
DATABASE_URL (postgres://…) or DATA_DIR (SQLite, default ./data) chooses the store.`;

async function withStore<T>(run: (store: Store, where: string) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const where = config.databaseUrl ? 'Postgres (DATABASE_URL)' : `SQLite in ${config.dataDir}`;
  const store = await openStore({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    sqliteSynchronous: config.sqliteSynchronous,
    postgresSynchronousCommit: config.postgresSynchronousCommit,
  });
  try {
    return await run(store, where);
  } finally {
    await store.close();
  }
}

async function exportOne(id: string, out: string): Promise<string> {
  return withStore(async (store, where) => {
    const file = await store.exportWorkshop(id);
    if (!file) throw new Error(`There is no workshop ${id} in ${where}.`);
    writeFileSync(out, `${JSON.stringify(file)}\n`, { mode: 0o600, flag: 'wx' });
    const rows = Object.values(file.tables).reduce((n, t) => n + t.length, 0);
    return `Exported workshop ${id} from ${where}: ${rows} rows to ${out}.`;
  });
}

async function importOne(path: string): Promise<string> {
  const size = statSync(path).size;
  if (size > MAX_FILE_BYTES)
    throw new Error(`${path} is ${size} bytes; the most import reads is ${MAX_FILE_BYTES}.`);
  const file = parseWorkshopFile(readFileSync(path, 'utf8'));
  return withStore(async (store, where) => {
    const result = await store.importWorkshop(file);
    if (result === 'exists')
      throw new Error(
        `Workshop ${file.workshopId} is already in ${where}; nothing was written. Delete it there first if you mean to replace it.`,
      );
    return `Imported workshop ${file.workshopId} into ${where}. Serve it with the same PURPLE_SECRET (or secret.key) as before, so its links keep working.`;
  });
}

/** Run the command in `argv`; resolves with the line to print. */
async function workshopCommand(argv: string[]): Promise<string> {
  const [command, arg] = argv;
  const outAt = argv.indexOf('--out');
  const out = outAt >= 0 ? argv[outAt + 1] : undefined;
  if (command === 'export' && arg && out) return exportOne(arg, out);
  if (command === 'import' && arg) return importOne(arg);
  throw new Error(USAGE);
}

workshopCommand(process.argv.slice(2)).then(
  (line) => console.log(line),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
