/**
 * `npm test`: every check Purple has, in order — typecheck, lint, unit, integration,
 * browser, and the benchmark harness at small sizes — carrying on after a failure so
 * every suite reports. Ends with a per-suite table and one closing line,
 * `N passed, N failed[, N skipped]`, which CI reads (TOOLCHAIN 10). Exits non-zero if
 * anything failed.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { runE2e } from './e2e';
import {
  checkResult,
  finalLine,
  formatTable,
  playwrightResult,
  type SuiteResult,
  vitestResult,
} from './summarise';

const REPORTS = 'reports';
/** Must match the json reporter's outputFile in playwright.config.ts. */
const PLAYWRIGHT_REPORT = `${REPORTS}/playwright.json`;

function npx(args: string[]): Promise<number> {
  const child = spawn('npx', ['--no-install', ...args], { stdio: 'inherit' });
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });
}

/** Runs a TypeScript entry point with this Node and tsx, as the npm scripts do. */
function tsxRun(args: string[]): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { stdio: 'inherit' });
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });
}

function banner(name: string): void {
  console.log(`\n━━ ${name} ━━`);
}

async function timed(
  name: string,
  run: () => Promise<number>,
): Promise<{ code: number; seconds: number }> {
  banner(name);
  const started = performance.now();
  const code = await run();
  return { code, seconds: (performance.now() - started) / 1000 };
}

async function vitest(project: 'unit' | 'integration'): Promise<SuiteResult> {
  const report = `${REPORTS}/vitest-${project}.json`;
  const { code, seconds } = await timed(project, () =>
    npx([
      'vitest',
      'run',
      '--project',
      project,
      '--passWithNoTests',
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${report}`,
    ]),
  );
  return vitestResult(project, report, code, seconds);
}

async function main(): Promise<void> {
  // Old reports must not stand in for a suite that crashes this time.
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });
  const results: SuiteResult[] = [];

  const typecheck = await timed('typecheck', () => npx(['tsc', '--noEmit']));
  results.push(checkResult('typecheck', typecheck.code, typecheck.seconds));

  const lint = await timed('lint', () => npx(['biome', 'check', '.']));
  results.push(checkResult('lint', lint.code, lint.seconds));

  results.push(await vitest('unit'));
  results.push(await vitest('integration'));

  const e2e = await timed('e2e', () => runE2e());
  results.push(playwrightResult('e2e', PLAYWRIGHT_REPORT, e2e.code, e2e.seconds));

  // The benchmark harness at small sizes, so it cannot rot; it never judges timings and
  // fails only when the harness itself breaks (issue 3).
  const bench = await timed('bench:quick', () => tsxRun(['bench/run.ts', '--quick']));
  results.push(checkResult('bench:quick', bench.code, bench.seconds));

  const line = finalLine(results);
  writeFileSync(`${REPORTS}/summary.txt`, `${line}\n`);
  console.log(`\n${formatTable(results)}\n`);
  console.log(line);
  process.exitCode = results.some((r) => r.failed > 0) ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
