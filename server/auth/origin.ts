/**
 * The Origin allow-list for sockets (DESIGN §5). With no list configured, a socket must
 * come from the site's own origin (`requestOrigin`: PUBLIC_URL, or the Host it connected
 * to). Scheme, host and port are all compared: `https://host` is not `http://host`.
 */

function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** True when a WebSocket or socket.io handshake's Origin may connect. */
export function originAllowed(
  origin: string | undefined,
  siteOrigin: string,
  allowed: readonly string[],
  publicUrl?: string,
): boolean {
  const given = origin ? originOf(origin) : null;
  if (!given) return false;
  if (allowed.some((a) => originOf(a) === given)) return true;
  if (publicUrl && originOf(publicUrl) === given) return true;
  if (allowed.length > 0) return false;
  return originOf(siteOrigin) === given;
}
