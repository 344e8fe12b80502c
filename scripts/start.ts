/**
 * `npm start`: builds Purple if the build is missing or stale, then runs the production
 * server (`server/index.ts`, bundled as `dist/index.mjs`) in a child process until Ctrl-C
 * or SIGTERM.
 *
 * `--fresh-data` starts with an empty data folder under the system temp folder and deletes
 * it on exit; the browser tests use it so every run starts from nothing.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER_ENTRY } from './buildServer';
import { ensureBuild } from './ensureBuild';

/** How long the server gets to close after a signal before it is killed: its drain (DRAIN_MS, I59) and 5 s more. */
const SHUTDOWN_GRACE_MS = (Number(process.env.DRAIN_MS) || 10_000) + 5_000;

async function main(): Promise<void> {
  const freshData = process.argv.includes('--fresh-data');
  if (!(await ensureBuild())) process.exit(1);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  const tempData = freshData ? mkdtempSync(join(tmpdir(), 'purple-data-')) : null;
  if (tempData) env.DATA_DIR = tempData;

  const server = spawn(process.execPath, [SERVER_ENTRY], {
    env,
    stdio: 'inherit',
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    // Ctrl-C already reached the child through the terminal's process group; SIGTERM from
    // a supervisor did not. Sending it again is harmless: the server closes once.
    server.kill(signal);
    setTimeout(() => server.kill('SIGKILL'), SHUTDOWN_GRACE_MS).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGHUP', () => stop('SIGTERM'));
  // `npm start` runs us under `sh -c`; npm forwards SIGTERM to that shell, which dies
  // without passing it on. Losing our parent is the only sign left, so treat it as SIGTERM.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop('SIGTERM');
  }, 500).unref();

  server.on('exit', (code, signal) => {
    if (tempData) rmSync(tempData, { recursive: true, force: true });
    // A clean stop on request is success, whatever the signal.
    if (stopping && (code === 0 || signal)) process.exit(0);
    process.exit(code ?? 1);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
