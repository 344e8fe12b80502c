/**
 * Who may read `/metrics` (issue 12, I60; THREAT_MODEL "Metrics"). With METRICS_TOKEN set:
 * only a request carrying `Authorization: Bearer <token>`. Without it: only a request from
 * this machine (loopback) that did not come through a proxy, so a reverse proxy on the
 * same machine cannot expose it by accident.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Headers a reverse proxy adds; a request with any of them did not start on this machine. */
const PROXY_HEADERS = ['x-forwarded-for', 'x-real-ip', 'forwarded'];

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether this request may read the metrics. */
export function metricsAllowed(req: IncomingMessage, token: string | undefined): boolean {
  if (token) {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1] !== undefined && sameToken(match[1], token);
  }
  const proxied = PROXY_HEADERS.some((h) => req.headers[h] !== undefined);
  return !proxied && LOOPBACK.test(req.socket.remoteAddress ?? '');
}
