/**
 * The load generator runs as its own child process (pinned to CPU 1 when `taskset` exists),
 * so it never shares a core with the server under test. The orchestrator sends it commands
 * over Node's IPC channel; each measurement file registers its commands (`handlers`).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pinned, ROOT } from './servers';

export type Handler = (args: unknown) => Promise<unknown>;

/** Declare a typed command for the load generator. */
export function command<A, R>(fn: (args: A) => Promise<R>): Handler {
  return fn as unknown as Handler;
}

interface Reply {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

export interface LoadGen {
  pid: number;
  call<R>(cmd: string, args: unknown): Promise<R>;
  stop(): Promise<void>;
}

/** Start the load-generator process and wait until it is ready. */
export async function startLoadGen(): Promise<LoadGen> {
  const [cmd, args] = pinned(1, process.execPath, [
    '--import',
    'tsx',
    path.join(ROOT, 'bench/loadgen.ts'),
  ]);
  const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.on('exit', (code, signal) => {
    for (const p of pending.values())
      p.reject(new Error(`load generator exited (${code ?? signal})`));
    pending.clear();
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`load generator failed to start (${code})`)));
  });
  child.on('message', (msg: Reply) => {
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.result);
    else p.reject(new Error(`load generator: ${msg.error}`));
  });
  return {
    pid: child.pid ?? -1,
    call<R>(name: string, a: unknown): Promise<R> {
      const id = nextId++;
      return new Promise<R>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ id, cmd: name, args: a });
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(t);
      }
    },
  };
}
