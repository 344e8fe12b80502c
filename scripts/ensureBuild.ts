/**
 * Builds the Next app and bundles the server (`scripts/buildServer.ts`) when there is no
 * production build or the sources changed since the last one, so `npm start` and the
 * browser tests always serve current code.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureServerBuild } from './buildServer';
import { staleBecause } from './sourceTimes';

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

function readIfExists(path: string): string | null {
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

/** Why a build is needed, or null when `.next/` is current. */
export function buildNeeded(root = process.cwd()): string | null {
  return staleBecause(root, join(root, '.next', 'BUILD_ID'), SOURCES, 'production build');
}

/** Bundles the server and runs `next build` if needed; resolves to false when either fails. */
export async function ensureBuild(root = process.cwd()): Promise<boolean> {
  if (!(await ensureServerBuild(root))) return false;
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
