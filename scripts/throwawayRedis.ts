/**
 * A redis-server of a test's own (issue 12): on a free port, keeping nothing on disk,
 * which the test may stop and start again on the same port (readiness tests), and never
 * the shared 127.0.0.1:6379. Debian's `redis-server` is installed with apt-get when it
 * is missing and we are root, the way `ensurePostgres.ts` installs PostgreSQL.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { aptInstall, freePort } from './servicePorts';

/** A throwaway Redis and how to take it down and bring it back. */
export interface ThrowawayRedis {
  url: string;
  /** Stop the server (its data goes: nothing is kept on disk). */
  pause(): Promise<void>;
  /** Start it again on the same port. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

function ensureBinary(): void {
  if (!has('redis-server')) aptInstall(['redis-server']);
  if (!has('redis-server'))
    throw new Error('This test needs redis-server: install Debian’s redis-server package.');
}

function launch(port: number): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d) => {
      out += String(d);
      if (out.includes('Ready to accept')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
  });
}

async function halt(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Start a redis-server of this process's own. */
export async function startThrowawayRedis(): Promise<ThrowawayRedis> {
  ensureBinary();
  const port = await freePort();
  let child: ChildProcess | null = await launch(port);
  const onExit = () => child?.kill('SIGKILL');
  process.once('exit', onExit);
  return {
    url: `redis://127.0.0.1:${port}`,
    pause: async () => {
      await halt(child);
      child = null;
    },
    resume: async () => {
      child = await launch(port);
    },
    stop: async () => {
      await halt(child);
      child = null;
      process.off('exit', onExit);
    },
  };
}
