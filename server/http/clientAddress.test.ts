import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './clientAddress';

const req = (peer: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress: peer },
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  }) as unknown as IncomingMessage;

describe('clientAddress', () => {
  it('is the peer address, ignoring X-Forwarded-For without TRUST_PROXY', () => {
    expect(clientAddress(req('10.0.0.1', '1.2.3.4'), 0)).toBe('10.0.0.1');
    expect(clientAddress(req('::ffff:10.0.0.1'), 0)).toBe('10.0.0.1');
  });

  it('takes the entry the trusted proxies wrote, never one the client made up', () => {
    // The client sent "6.6.6.6"; the one trusted proxy appended the address it saw.
    expect(clientAddress(req('10.0.0.1', '6.6.6.6, 1.2.3.4'), 1)).toBe('1.2.3.4');
    expect(clientAddress(req('10.0.0.1', '6.6.6.6, 1.2.3.4, 10.0.0.2'), 2)).toBe('1.2.3.4');
    expect(clientAddress(req('10.0.0.1'), 1)).toBe('10.0.0.1');
  });

  it('counts an IPv6 client as its /64 network', () => {
    expect(clientAddress(req('2001:db8:1:2:aaaa::1'), 0)).toBe('2001:db8:1:2::/64');
    expect(clientAddress(req('2001:db8:1:2:bbbb:cccc:dddd:eeee'), 0)).toBe('2001:db8:1:2::/64');
    expect(clientAddress(req('2001:db8::1'), 0)).toBe('2001:db8:0:0::/64');
  });
});
