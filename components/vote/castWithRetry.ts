/**
 * Send one vote and wait for the server's answer. The key is made once per vote, and the
 * SAME key is sent again after a timeout or a reconnect, so the server counts it once.
 */
import type { Socket } from 'socket.io-client';
import type { z } from 'zod';
import type {
  Ack,
  ballotCastSchema,
  ClientToServerEvents,
  ServerToClientEvents,
} from '../../lib/protocol/events';
import { newIdempotencyKey } from './idempotencyKey';

type PurpleSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** What a cast answers. */
export type CastAck = Ack<{ dotsOnCard: number; dotsLeft: number }>;

/** A cast without its key: the key is added here. */
export type CastRequest = Omit<z.infer<typeof ballotCastSchema>, 'key'>;

const ATTEMPTS = 4;
const ACK_TIMEOUT_MS = 8_000;
const RECONNECT_WAIT_MS = 20_000;

const NOT_SENT: CastAck = {
  ok: false,
  reason: 'storeFailed',
  message: 'Your vote could not be sent. Check your connection, then try again.',
};

function waitForConnect(socket: PurpleSocket, ms: number): Promise<boolean> {
  if (socket.connected) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.off('connect', onConnect);
      resolve(ok);
    };
    const onConnect = () => done(true);
    const timer = setTimeout(() => done(false), ms);
    socket.on('connect', onConnect);
  });
}

function emitOnce(
  socket: PurpleSocket,
  payload: z.infer<typeof ballotCastSchema>,
): Promise<CastAck | null> {
  return new Promise((resolve) => {
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emit('ballot:cast', payload, (err: Error | null, ack: CastAck) => resolve(err ? null : ack));
  });
}

/** Cast a vote, retrying with the same key; answers with the server's ack or `NOT_SENT`. */
export async function castWithRetry(
  getSocket: () => PurpleSocket | null,
  request: CastRequest,
): Promise<CastAck> {
  const payload = { ...request, key: newIdempotencyKey() };
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const socket = getSocket();
    if (!socket) return NOT_SENT;
    if (!(await waitForConnect(socket, RECONNECT_WAIT_MS))) continue;
    const ack = await emitOnce(socket, payload);
    if (ack) return ack;
  }
  return NOT_SENT;
}
