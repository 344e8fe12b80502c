/**
 * Starts nginx with `deploy/nginx.conf` as it is, for the several-instance tests (issue 12):
 * only the `listen` port and the upstream servers are replaced. nginx comes from Debian
 * (`nginx-light`), installed with apt-get when missing and we are root, the way
 * `ensureChromium.ts` installs Chromium.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { aptInstall, freePort } from './servicePorts';

const CONF = resolve(import.meta.dirname, '../deploy/nginx.conf');

function nginxBin(): string | null {
  for (const p of ['/usr/sbin/nginx', '/usr/bin/nginx']) {
    const r = spawnSync(p, ['-v'], { stdio: 'ignore' });
    if (r.status === 0) return p;
  }
  return null;
}

/** nginx's path, installing Debian's nginx-light when it is missing. */
export function ensureNginxInstalled(): string {
  let bin = nginxBin();
  if (!bin && aptInstall(['nginx-light'])) bin = nginxBin();
  if (!bin)
    throw new Error(
      'The several-instance tests need nginx: install Debian’s nginx-light (apt-get install -y nginx-light).',
    );
  return bin;
}

/**
 * `deploy/nginx.conf` with these upstreams and this port; nothing else changes. Each
 * upstream keeps the parameters of the file's first `server` line (`max_fails=0`), so the
 * tests run the health-marking the file ships with.
 */
export function templatedConfig(port: number, upstreams: string[]): string {
  const text = readFileSync(CONF, 'utf8');
  const params = /# upstreams:begin\n\s*server \S+([^;]*);/.exec(text)?.[1] ?? '';
  const servers = upstreams.map((u) => `    server ${u}${params};`).join('\n');
  const out = text
    .replace(
      /( *# upstreams:begin\n)[\s\S]*?( *# upstreams:end)/,
      (_, begin: string, end: string) => `${begin}${servers}\n${end}`,
    )
    .replace(/listen 8080;/, `listen 127.0.0.1:${port};`);
  if (out === text || !out.includes(`127.0.0.1:${port}`))
    throw new Error('deploy/nginx.conf no longer has the markers the tests replace');
  return out;
}

/** A running nginx in front of `upstreams` ("127.0.0.1:port"). */
export interface TestNginx {
  url: string;
  /** What nginx has logged at `warn` and above so far (refusals, upstreams it gave up on). */
  errors(): string;
  stop(): Promise<void>;
}

export async function startNginx(upstreams: string[]): Promise<TestNginx> {
  const bin = ensureNginxInstalled();
  const dir = mkdtempSync(join(tmpdir(), 'purple-nginx-'));
  for (const d of ['body', 'proxy', 'logs']) mkdirSync(join(dir, d));
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  const errorLog = join(dir, 'logs', 'error.log');
  writeFileSync(conf, templatedConfig(port, upstreams));
  // Where this run keeps its pid, logs and temp files: given on the command line, so the
  // configuration file stays the one in deploy/.
  const globals = [
    'daemon off;',
    'master_process on;',
    `pid ${join(dir, 'nginx.pid')};`,
    `error_log ${errorLog} warn;`,
  ].join(' ');
  const child: ChildProcess = spawn(bin, ['-p', dir, '-c', conf, '-g', globals], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d) => {
    err += String(d);
  });
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx did not start: ${err}`);
    if (await listening(port)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const stopNow = () => {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopNow);
  return {
    url: `http://127.0.0.1:${port}`,
    errors: () => (existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : ''),
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGQUIT');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      stopNow();
    },
  };
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}
