/**
 * Next's proxy (Next 16's name for middleware): a fresh nonce and Content-Security-Policy
 * for every page and route handler. The custom server adds the other security headers to
 * every response (server/http/securityHeaders.ts).
 */
import { type NextRequest, NextResponse } from 'next/server';
import { contentSecurityPolicy } from './lib/security/contentSecurityPolicy';

/** Give the request a nonce (Next reads it from the request's CSP) and the response its policy. */
export function proxy(request: NextRequest): NextResponse {
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
