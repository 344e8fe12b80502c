import { describe, expect, it } from 'vitest';
import { requestOrigin } from './requestOrigin';

const get = (h: Record<string, string>) => (name: string) => h[name];
const forged = get({
  host: 'purple.local:3000',
  'x-forwarded-host': 'evil.example',
  'x-forwarded-proto': 'https',
});

describe('requestOrigin', () => {
  it('prefers PUBLIC_URL', () => {
    expect(requestOrigin(forged, { publicUrl: 'https://purple.example/', trustProxy: 1 })).toBe(
      'https://purple.example',
    );
  });

  it('reads forwarded headers only behind TRUST_PROXY', () => {
    expect(requestOrigin(forged, { trustProxy: 0 })).toBe('http://purple.local:3000');
    expect(requestOrigin(forged, { trustProxy: 1 })).toBe('https://evil.example');
  });

  it('refuses a Host header that is not a host', () => {
    expect(requestOrigin(get({ host: 'a/b@evil' }), { trustProxy: 0 })).toBe('http://localhost');
  });
});
