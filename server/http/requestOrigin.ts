/**
 * The site's own origin as the browser sees it, for full links, cookies' Secure flag and
 * the Origin check: PUBLIC_URL when set; X-Forwarded-Proto/-Host only when TRUST_PROXY is
 * set; otherwise plain http and the Host header (Purple's own server never speaks TLS).
 */

/** Reads one request header (web `Headers`, Next's `headers()`, or a Node header object). */
export type HeaderGet = (name: string) => string | string[] | null | undefined;

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

function first(value: string | string[] | null | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  const head = text?.split(',')[0]?.trim();
  return head || undefined;
}

/** The origin (`scheme://host[:port]`) of the site a request was made to. */
export function requestOrigin(
  get: HeaderGet,
  config: { publicUrl?: string; trustProxy: number },
): string {
  if (config.publicUrl) return new URL(config.publicUrl).origin;
  if (config.trustProxy > 0) {
    const host = first(get('x-forwarded-host'));
    const proto = first(get('x-forwarded-proto')) === 'https' ? 'https' : 'http';
    if (host && HOST.test(host)) return `${proto}://${host}`;
  }
  const host = first(get('host'));
  return `http://${host && HOST.test(host) ? host : 'localhost'}`;
}
