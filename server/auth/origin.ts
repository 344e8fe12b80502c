/**
 * The Origin allow-list for sockets (DESIGN §5). With no list configured, a socket must
 * come from the same host it connects to (or PUBLIC_URL's origin).
 */

/** True when a WebSocket or socket.io handshake's Origin may connect. */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
  publicUrl?: string,
): boolean {
  if (!origin) return false;
  const clean = origin.replace(/\/$/, '');
  if (allowed.includes(clean)) return true;
  if (publicUrl && new URL(publicUrl).origin === clean) return true;
  if (allowed.length > 0) return false;
  try {
    return new URL(clean).host === host;
  } catch {
    return false;
  }
}
