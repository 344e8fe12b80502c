/**
 * A new WebSocket's first bytes leave in one write. Accepting an upgrade writes the
 * `101 Switching Protocols` response at once, and the server's first frames (Yjs's sync,
 * engine.io's open packet) follow a moment later in writes of their own. Each write is a
 * system call; in a 500-person restart storm the 101 responses alone were 53 ms of the
 * restarted server's 1.2 s of CPU (profiled). Corked until the end of this turn of the
 * event loop, the response and what follows in the same turn leave together. Bytes and
 * their order are unchanged.
 *
 * Call it only once nothing can refuse the connection with a write followed by `destroy()`:
 * destroying a corked socket drops what it holds.
 */
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

export function firstWriteTogether(socket: Duplex): void {
  const tcp = socket as Partial<Socket> & Duplex;
  if (typeof tcp.cork !== 'function' || tcp.destroyed) return;
  tcp.cork();
  setImmediate(() => {
    if (!tcp.destroyed) tcp.uncork();
  });
}
