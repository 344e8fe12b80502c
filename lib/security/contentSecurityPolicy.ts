/**
 * Purple's Content-Security-Policy. Pages get one with a fresh nonce from `proxy.ts`
 * (Next puts the nonce on its own scripts); every other response gets `NO_CONTENT_POLICY`.
 * No `unsafe-eval` outside development; nobody may frame Purple (`frame-ancestors 'none'`),
 * so another page cannot overlay the facilitator's "Turn off this link" button.
 */

/** The policy for a page rendered with `nonce`; `dev` allows what Next's dev tools need. */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // Style attributes (React's style prop) cannot carry a nonce; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // 'self' covers ws:/wss: to this host (CSP Level 3): the Yjs and socket.io channels.
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The policy for responses that are not pages (files, socket.io, plain errors). */
export const NO_CONTENT_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
