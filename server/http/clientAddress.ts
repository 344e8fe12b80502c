/**
 * The client's address, for limits counted per address. It is the socket's peer address;
 * X-Forwarded-For is read only when TRUST_PROXY says how many proxies stand in front of
 * Purple, and then only the entry the nearest trusted proxy wrote (never one a client made up).
 */
import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';

/** The header the server sets on every request it hands to Next (any sent by a client is replaced). */
export const CLIENT_ADDRESS_HEADER = 'x-purple-client-address';

/** Recent peers' keys: every connection of a reconnect storm computed its own (profiled). */
const keys = new Map<string, string>();
const KEYS_MAX = 1024;

/** `addressKey`, remembered for the most recent addresses. */
function cachedKey(address: string): string {
  let key = keys.get(address);
  if (key === undefined) {
    key = addressKey(address);
    if (keys.size >= KEYS_MAX) keys.clear();
    keys.set(address, key);
  }
  return key;
}

/** An IPv6 address stands for its /64 network: one home or phone holds a whole /64. */
function addressKey(address: string): string {
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (!isIPv6(plain)) return plain;
  const [head = '', tail = ''] = plain.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = plain.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

/** The client address of a request: the peer, or the trusted proxies' X-Forwarded-For entry. */
export function clientAddress(req: IncomingMessage, trustProxy: number): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (trustProxy <= 0) return cachedKey(peer);
  const header = req.headers['x-forwarded-for'];
  const list = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // Each trusted proxy appends the address it saw; the one `trustProxy` from the end is
  // the client as the outermost trusted proxy saw it.
  const entry = list[list.length - trustProxy] ?? list[0];
  return cachedKey(entry ?? peer);
}
