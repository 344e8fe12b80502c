/**
 * Security headers on every response the custom server sends: no MIME sniffing, no
 * Referer (tokens live in URLs), no framing, HSTS when PUBLIC_URL is https, and a
 * deny-all Content-Security-Policy unless the response brings its own (pages get theirs,
 * with a nonce, from `proxy.ts`).
 */
import type { ServerResponse } from 'node:http';
import { NO_CONTENT_POLICY } from '../../lib/security/contentSecurityPolicy';

const ONE_YEAR = 60 * 60 * 24 * 365;

/** Set the headers on `res` now, and the fallback policy just before its head is written. */
export function applySecurityHeaders(res: ServerResponse, publicUrl: string | undefined): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
  if (publicUrl?.startsWith('https:')) {
    res.setHeader('strict-transport-security', `max-age=${ONE_YEAR}`);
  }
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<typeof writeHead>) {
    if (!res.hasHeader('content-security-policy')) {
      res.setHeader('content-security-policy', NO_CONTENT_POLICY);
    }
    return writeHead.apply(this, args);
  } as typeof writeHead;
}
