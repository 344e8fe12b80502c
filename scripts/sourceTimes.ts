/** When a build's sources last changed, for the scripts that rebuild only when needed. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time under `path` (a file or a folder), or 0 if it does not exist. */
export function newestMtime(path: string): number {
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

/**
 * Why a build marked by `stamp` (a file written when it finished) is stale, or null when
 * none of `sources` (paths relative to `root`) changed after it.
 */
export function staleBecause(
  root: string,
  stamp: string,
  sources: readonly string[],
  what: string,
): string | null {
  if (!existsSync(stamp)) return `there is no ${what} yet`;
  const builtAt = statSync(stamp).mtimeMs;
  for (const source of sources) {
    if (newestMtime(join(root, source)) > builtAt)
      return `${source} changed since the last ${what}`;
  }
  return null;
}
