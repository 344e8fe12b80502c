/**
 * Finds a Chromium for Playwright, installing one when none is found (TOOLCHAIN 1).
 * Order: $PURPLE_CHROMIUM, Debian's /usr/bin/chromium(-browser), Playwright's own download.
 * Run directly (`node --import tsx scripts/ensureChromium.ts`) it installs if needed and
 * prints the path; it exits non-zero with instructions when it cannot.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** Flags that keep a system Chromium quiet and working in containers and CI (TOOLCHAIN 1). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** How to launch Chromium. `executablePath: null` means Playwright's own browser. */
export interface ChromiumLaunch {
  executablePath: string | null;
  args: string[];
  /** Where it was found, for log lines. */
  source: string;
}

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Path of Playwright's own Chromium build if it has been downloaded, else null. */
function playwrightChromium(): string | null {
  try {
    // createRequire keeps this synchronous, so playwright.config.ts can call it.
    const require = createRequire(import.meta.url);
    const { chromium } = require('@playwright/test') as typeof import('@playwright/test');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Finds an installed Chromium without installing anything; null when there is none. */
export function findChromium(): ChromiumLaunch | null {
  const fromEnv = process.env.PURPLE_CHROMIUM;
  if (fromEnv) {
    if (existsSync(fromEnv))
      return { executablePath: fromEnv, args: CHROMIUM_ARGS, source: 'PURPLE_CHROMIUM' };
    console.warn(
      `PURPLE_CHROMIUM is set to ${fromEnv}, but there is no file there. Looking elsewhere.`,
    );
  }
  for (const path of SYSTEM_PATHS) {
    if (existsSync(path)) return { executablePath: path, args: CHROMIUM_ARGS, source: 'system' };
  }
  if (playwrightChromium())
    return { executablePath: null, args: CHROMIUM_ARGS, source: 'playwright' };
  return null;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return result.status === 0;
}

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function tryApt(): boolean {
  if (process.getuid?.() !== 0 || !hasCommand('apt-get')) return false;
  console.log('Installing Debian’s Chromium with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return (
    run('apt-get', ['update', '-q'], env) &&
    run('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'chromium'], env)
  );
}

function tryPlaywrightInstall(): boolean {
  console.log('Downloading Playwright’s Chromium…');
  return run('npx', ['--no-install', 'playwright', 'install', 'chromium']);
}

const HELP = `Purple's browser tests need Chromium, and none could be found or installed.
Do one of these, then run the tests again:
  • Debian or Ubuntu:  sudo apt-get install -y chromium
  • Any system with internet:  npx playwright install chromium
  • Or point to a Chromium you have:  export PURPLE_CHROMIUM=/path/to/chromium`;

/** Finds Chromium, installing it if needed. Throws, with instructions, when it cannot. */
export function ensureChromium(): ChromiumLaunch {
  const found = findChromium();
  if (found) return found;
  for (const attempt of [tryApt, tryPlaywrightInstall]) {
    if (attempt()) {
      const installed = findChromium();
      if (installed) return installed;
    }
  }
  throw new Error(HELP);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const launch = ensureChromium();
    console.log(
      `Chromium: ${launch.executablePath ?? 'Playwright’s own build'} (${launch.source})`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
