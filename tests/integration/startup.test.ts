/**
 * Start-up (I95): the port opens before the server is ready. A server that then cannot
 * start must answer what waited, give its port back and say why, not hang or half-serve.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { freePort } from '../../scripts/servicePorts';
import { startTestServer } from './harness';

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
