/**
 * Start-up (I95): the port opens before the server is ready. A server that then cannot
 * start must answer what waited, give its port back and say why, not hang or half-serve.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { freePort } from '../../scripts/servicePorts';
import { startTestServer, waitFor } from './harness';

/** Resolves once something can listen on `port` again (then closes it). */
function listenOnce(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

it('a server whose store cannot open rejects with the reason and gives its port back', async () => {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'purple-startup-'));
  try {
    await expect(
      startTestServer(dataDir, {
        port,
        wrapStore: () => {
          throw new Error('the store is broken');
        },
      }),
    ).rejects.toThrow('the store is broken');
    await listenOnce(port);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

/**
 * A restarted server is busy loading while its whole audience reconnects, two connections
 * per person. The kernel queues them until the server accepts; with Node's default
 * backlog (511) a crowd of 600 people overflowed it, the kernel dropped the rest of their
 * SYNs and they came back only at TCP's retransmission a second later. Here the server's
 * process is stopped (SIGSTOP), so it accepts nothing: every connection the queue holds
 * completes its handshake, and one beyond it does not.
 */
it('queues a crowd of 1,200 connections while the server cannot accept them', async () => {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'purple-backlog-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts', '--no-next'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PURPLE_SECRET: 'a-test-secret-for-the-backlog-test-0123456789abcdef',
      PURPLE_LOG: 'silent',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const sockets: net.Socket[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (d) => /running at/.test(String(d)) && resolve());
      child.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
    });
    child.kill('SIGSTOP');
    // Linux caps the queue at net.core.somaxconn (4096 by default since 5.4).
    const cap = Number(readFileSync('/proc/sys/net/core/somaxconn', 'utf8'));
    const crowd = Math.min(1200, cap);
    let connected = 0;
    for (let i = 0; i < crowd; i++) {
      const s = net.connect(port, '127.0.0.1');
      s.on('connect', () => connected++);
      s.on('error', () => undefined);
      sockets.push(s);
    }
    // Dropped SYNs are not retried for a second; a full queue never empties while stopped.
    await waitFor('every connection queued', () => connected === crowd, 20_000).catch(
      () => undefined,
    );
    expect(connected, 'connections that completed their handshake').toBe(crowd);
  } finally {
    for (const s of sockets) s.destroy();
    child.kill('SIGCONT');
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 60_000);
