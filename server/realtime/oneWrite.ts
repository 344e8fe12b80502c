/**
 * Control-channel packets queued together leave in one write (I96).
 *
 * engine.io sends a connection's first packet at once and queues the rest until that write
 * finishes; it then sends the queue, but each packet through ws as its own frame and its own
 * `writev` system call. A socket that connects gets about ten packets (the connect, the
 * welcome of each feature, presence), so a crowd reconnecting after a restart made ten
 * system calls each: a write was 220 ms of a 500-person storm's 1.9 s on the server's core.
 * Corking the TCP socket while engine.io sends its queue makes the queue one `writev`. The
 * bytes, their order and the frames are unchanged, so no client can tell.
 */
import type { Socket as NetSocket } from 'node:net';
import type { Server } from 'socket.io';

interface Transport {
  name: string;
  send(packets: unknown[]): void;
  /** ws's WebSocket for the websocket transport; its `_socket` is the TCP socket. */
  socket?: { _socket?: NetSocket };
}

interface EngineConnection {
  transport: Transport;
  on(event: 'upgrade', listener: (transport: Transport) => void): void;
}

/** Make every websocket transport of this server send a queue of packets in one write. */
export function oneWritePerQueue(io: Server): void {
  io.engine.on('connection', (conn: EngineConnection) => {
    corkQueues(conn.transport);
    // A connection that began with long-polling moves to a websocket later.
    conn.on('upgrade', (transport) => corkQueues(transport));
  });
}

function corkQueues(transport: Transport): void {
  if (transport.name !== 'websocket') return;
  const tcp = transport.socket?._socket;
  if (!tcp || typeof tcp.cork !== 'function') return;
  const send = transport.send.bind(transport);
  transport.send = (packets) => {
    if (packets.length < 2) return send(packets);
    tcp.cork();
    try {
      send(packets);
    } finally {
      tcp.uncork();
    }
  };
}
