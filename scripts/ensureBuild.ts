/**
 * Builds the Next app when there is no production build or the sources changed since the
 * last one, so `npm start` and the browser tests always serve current code.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the Next build depends on, relative to the repo root. */
const SOURCES = [
  'app',
  'components',
  'lib',
  'public',
  'next.config.mjs',
  'postcss.config.mjs',
  'app/globals.css',
  'package-lock.json',
];

/** Newest modification time under `path` (a file or a folder), or 0 if it does not exist. */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // catches deleted files
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function readIfExists(path: string): string | null {
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

/** Why a build is needed, or null when `.next/` is current. */
export function buildNeeded(root = process.cwd()): string | null {
  const buildId = join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return 'there is no production build yet';
  const builtAt = statSync(buildId).mtimeMs;
  for (const source of SOURCES) {
    if (newestMtime(join(root, source)) > builtAt) return `${source} changed since the last build`;
  }
  return null;
}

/** Runs `next build` if needed; resolves to false when the build fails. */
export async function ensureBuild(root = process.cwd()): Promise<boolean> {
  const reason = buildNeeded(root);
  if (!reason) return true;
  console.log(`Building Purple (first start takes about a minute)… (${reason})`);
  // `next build` wants NODE_ENV unset or production; it sets production itself.
  const { NODE_ENV: _ignored, ...inherited } = process.env;
  // Next types NODE_ENV as always present; the child must not inherit it at all.
  const env = { ...inherited, NEXT_TELEMETRY_DISABLED: '1' } as unknown as NodeJS.ProcessEnv;
  const tsconfig = readIfExists(join(root, 'tsconfig.json'));
  const child = spawn('npx', ['--no-install', 'next', 'build'], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  const code = await new Promise<number>((resolve) => {
    child.on('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });
  if (code !== 0) console.error(`The build failed (exit code ${code}).`);
  if (readIfExists(join(root, 'tsconfig.json')) !== tsconfig) {
    console.warn(
      'Warning: next build rewrote tsconfig.json (and `biome check` will now fail on it). ' +
        'Give tsconfig.json every "include" entry Next asks for, so it stays as written.',
    );
  }
  return code === 0;
}
