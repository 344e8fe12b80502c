/**
 * What the scripts that find or start test services share (Postgres, Redis, nginx;
 * TOOLCHAIN 14): a free port, and installing a Debian package the way Chromium is.
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

/** A TCP port nothing listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Install Debian packages with apt-get when we are root and have it; false otherwise. */
export function aptInstall(packages: string[]): boolean {
  const has = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (process.getuid?.() !== 0 || !has) return false;
  console.log(`Installing Debian’s ${packages.join(', ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args: string[]) =>
    spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
  return (
    run(['update', '-q']) && run(['install', '-y', '-q', '--no-install-recommends', ...packages])
  );
}
