/**
 * Turns each suite's JSON report and exit code into counts, and the counts into the one
 * closing line CI reads: `N passed, N failed` (plus `, N skipped`) (TOOLCHAIN 10).
 */
import { existsSync, readFileSync } from 'node:fs';

/** Counts for one suite; `note` explains anything a reader should know. */
export interface SuiteResult {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
  note?: string;
}

interface VitestFile {
  name?: string;
  status?: string;
  message?: string;
  assertionResults?: { status?: string }[];
}

interface VitestReport {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  numTotalTests?: number;
  testResults?: VitestFile[];
}

interface PlaywrightReport {
  stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number };
  errors?: { message?: string }[];
}

function readJson<T>(path: string): T | null {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return null;
  }
}

/** A suite that ran no report-producing runner: one check, passed or failed by exit code. */
export function checkResult(name: string, exitCode: number, seconds: number): SuiteResult {
  return exitCode === 0
    ? { name, passed: 1, failed: 0, skipped: 0, seconds }
    : { name, passed: 0, failed: 1, skipped: 0, seconds, note: `exit code ${exitCode}` };
}

/**
 * Makes the counts agree with the exit code: a runner that failed without a failed test
 * (a crash, a file that did not load, an unhandled error) counts as one failure.
 */
function reconcile(result: SuiteResult, exitCode: number, why: string): SuiteResult {
  if (exitCode !== 0 && result.failed === 0) {
    return { ...result, failed: 1, note: `${why} (exit code ${exitCode})` };
  }
  return result;
}

function crashed(name: string, exitCode: number, seconds: number): SuiteResult {
  return {
    name,
    passed: 0,
    failed: 1,
    skipped: 0,
    seconds,
    note: `crashed without a report (exit code ${exitCode})`,
  };
}

/** Counts from a Vitest `--reporter=json` file. */
export function vitestResult(
  name: string,
  reportPath: string,
  exitCode: number,
  seconds: number,
): SuiteResult {
  const report = readJson<VitestReport>(reportPath);
  if (!report) return crashed(name, exitCode, seconds);
  // A test file that fails to load has no failed test in it; count the file as a failure.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) =>
      file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'),
  );
  const result: SuiteResult = {
    name,
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles.length,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    seconds,
  };
  if (brokenFiles.length > 0) {
    result.note = `${brokenFiles.length} test file(s) failed to run`;
  } else if ((report.numTotalTests ?? 0) === 0) {
    result.note = 'no tests found';
  }
  return reconcile(result, exitCode, 'the runner failed outside any test');
}

/** Counts from a Playwright `json` reporter file; flaky tests passed on retry. */
export function playwrightResult(
  name: string,
  reportPath: string,
  exitCode: number,
  seconds: number,
): SuiteResult {
  const report = readJson<PlaywrightReport>(reportPath);
  if (!report?.stats) return crashed(name, exitCode, seconds);
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
  const errors = report.errors ?? [];
  const result: SuiteResult = {
    name,
    passed: expected + flaky,
    failed: unexpected + errors.length,
    skipped,
    seconds,
  };
  if (errors.length > 0) {
    const first = (errors[0]?.message ?? '').split('\n')[0]?.slice(0, 80);
    result.note = `${errors.length} error(s) outside tests: ${first}`;
  } else if (flaky > 0) {
    result.note = `${flaky} flaky (passed on retry)`;
  } else if (expected + unexpected + skipped === 0) {
    result.note = 'no tests found';
  }
  return reconcile(result, exitCode, 'the runner failed outside any test');
}

/** A per-suite table for people, printed before the final line. */
export function formatTable(results: SuiteResult[]): string {
  const rows = [
    ['suite', 'passed', 'failed', 'skipped', 'time', ''],
    ...results.map((r) => [
      r.name,
      String(r.passed),
      String(r.failed),
      String(r.skipped),
      `${r.seconds.toFixed(0)} s`,
      r.note ?? '',
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) =>
          i === 0 || i === row.length - 1 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The single closing line CI reads, summed over all suites. */
export function finalLine(results: SuiteResult[]): string {
  const sum = (key: 'passed' | 'failed' | 'skipped') => results.reduce((n, r) => n + r[key], 0);
  const skipped = sum('skipped');
  const line = `${sum('passed')} passed, ${sum('failed')} failed`;
  return skipped > 0 ? `${line}, ${skipped} skipped` : line;
}
