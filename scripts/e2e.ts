/**
 * `npm run test:e2e`: makes sure Chromium and a current production build exist, then runs
 * `playwright test` with any extra arguments (`npm run test:e2e -- e2e/co-write.spec.ts`).
 * Building here rather than in Playwright's webServer keeps the build out of its timeout.
 */
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { ensureBuild } from './ensureBuild';
import { ensureChromium } from './ensureChromium';

/** Runs the browser tests; resolves to the exit code (non-zero when setup failed). */
export async function runE2e(args: string[] = []): Promise<number> {
  try {
    const launch = ensureChromium();
    console.log(`Chromium: ${launch.executablePath ?? 'Playwright’s own build'}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
  if (!(await ensureBuild())) return 1;
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  const child = spawn('npx', ['--no-install', 'playwright', 'test', ...args], {
    env,
    stdio: 'inherit',
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise<number>((resolve) => {
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
    child.on('error', () => resolve(1));
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runE2e(process.argv.slice(2)).then((code) => process.exit(code));
}
