/**
 * The Origin allow-list for sockets (DESIGN §5). With no list configured, a socket must
 * come from the site's own origin (`requestOrigin`: PUBLIC_URL, or the Host it connected
 * to). Scheme, host and port are all compared: `https://host` is not `http://host`.
 */

/**
 * Origins already parsed, by the text they came from. Every connection to a site sends the
 * same Origin, and parsing it with `new URL` twice per connection was 2 % of a restart
 * storm's server time (profiled). Bounded: emptied when full, so a visitor sending endless
 * different Origins costs only the parse they would have cost anyway.
 */
const parsed = new Map<string, string | null>();
const PARSED_MAX = 256;

function originOf(url: string): string | null {
  const known = parsed.get(url);
  if (known !== undefined) return known;
  let origin: string | null;
  try {
    const o = new URL(url).origin;
    origin = o === 'null' ? null : o;
  } catch {
    origin = null;
  }
  if (parsed.size >= PARSED_MAX) parsed.clear();
  parsed.set(url, origin);
  return origin;
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
