/** A plain HTTP answer to a request that asked to upgrade to a WebSocket. */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/** When a refused client should try again: later when limited, soon when starting or draining. */
const RETRY_AFTER_S: Partial<Record<number, number>> = { 429: 60, 503: 1 };

/** Write a plain HTTP refusal on a socket that asked to upgrade, then close it. */
export function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  if (socket.destroyed) return;
  const text = `${message}\n`;
  const after = RETRY_AFTER_S[status];
  const retry = after === undefined ? '' : `Retry-After: ${after}\r\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Forbidden'}\r\n${retry}` +
      `Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}
