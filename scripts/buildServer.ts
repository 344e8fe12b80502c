/**
 * Bundles the production server (`server/index.ts`) into `dist/` with esbuild, so `npm start`
 * loads a handful of files instead of compiling several hundred TypeScript modules with tsx
 * and resolving several hundred more in node_modules. Measured on this machine, from the
 * process starting to "Purple is running" without the pages: about 1.9 s under tsx, 0.6 s
 * bundled. That time is what every participant waits after a restart or a redeploy.
 *
 * What is bundled: our code and the libraries on the start-up path (Kysely, zod, socket.io,
 * ws, rate limits, metrics, pg, ioredis…). What stays in node_modules: native addons, Next
 * (it reads its own files), yjs (one copy shared with the pages, as Next's
 * `serverExternalPackages` in next.config.mjs keeps it), and libraries that find their own
 * files or workers next to themselves at run time (piscina, pino, pdfkit, fontkit). Lazily
 * loaded parts (summary exports, the cluster bus) become their own chunks and still load
 * on first use.
 *
 * `dist/index.mjs` must sit one folder below the repo root: the server finds Next's build
 * and `public/` from there.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { staleBecause } from './sourceTimes';

/** Where the bundle goes, relative to the repo root. */
export const SERVER_DIST = 'dist';
/** The bundled server, relative to the repo root. */
export const SERVER_ENTRY = join(SERVER_DIST, 'index.mjs');

/** What the server bundle is built from. */
const SOURCES = ['server', 'lib', 'package-lock.json', 'scripts/buildServer.ts'];

/**
 * Packages loaded from node_modules at run time rather than bundled: native code, Next, and
 * packages that locate files or worker scripts relative to their own folder.
 */
const EXTERNAL = [
  // One copy shared with the pages: Next keeps yjs out of its server bundles too
  // (`serverExternalPackages` in next.config.mjs). Two copies of yjs break its constructor
  // checks ("Yjs was already imported"). The pages import no Kysely, so it is bundled.
  'yjs',
  'lib0',
  'y-protocols',
  'better-sqlite3',
  'pg-native',
  'next',
  'piscina',
  'pino',
  'thread-stream',
  'pdfkit',
  'fontkit',
  'svg-to-pdfkit',
  'docx',
  'pngjs',
  '@expo-google-fonts/*',
  '@napi-rs/nice',
];

/** The stamp written after a successful build; its time is the build's. */
const stampOf = (root: string) => join(root, SERVER_DIST, 'BUILT');

/** Why the server bundle must be (re)built, or null when it is current. */
export function serverBuildNeeded(root = process.cwd()): string | null {
  return staleBecause(root, stampOf(root), SOURCES, 'server bundle');
}

/** Bundles the server into `dist/` (about a second). Throws with esbuild's message on failure. */
export async function buildServer(root = process.cwd()): Promise<void> {
  const out = join(root, SERVER_DIST);
  rmSync(out, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: [
      { in: 'server/index.ts', out: 'index' },
      // Loaded by piscina from next to the chunk that holds renderPool.ts.
      { in: 'server/summary/renderTask.ts', out: 'renderWorker' },
    ],
    outdir: out,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    // Bundled CommonJS libraries call require() for Node's own modules.
    banner: {
      js: "import { createRequire as __purpleRequire } from 'node:module'; const require = __purpleRequire(import.meta.url);",
    },
    // Stack traces and log lines keep the names they have in the sources.
    keepNames: true,
    logLevel: 'warning',
  });
  writeFileSync(stampOf(root), `${new Date().toISOString()}\n`);
}

/** Builds the bundle when it is missing or stale; false (with the reason printed) on failure. */
export async function ensureServerBuild(root = process.cwd()): Promise<boolean> {
  const reason = serverBuildNeeded(root);
  if (!reason) return true;
  try {
    await buildServer(root);
    return true;
  } catch (err) {
    console.error(`Bundling the server failed: ${(err as Error).message}`);
    return false;
  }
}

if (process.argv[1]?.endsWith('buildServer.ts')) {
  buildServer().then(
    () => console.log(`Bundled the server into ${SERVER_DIST}/`),
    (err) => {
      console.error(`Bundling the server failed: ${(err as Error).message}`);
      process.exit(1);
    },
  );
}
