/**
 * Keys, cookies and origins at the door (issue 8 §5; ARCHITECTURE I11, I22): a bad key
 * refuses to start, cookies are parsed strictly, the Origin check compares scheme, host and
 * port, and forwarded headers are trusted only when TRUST_PROXY is set.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  connectControl,
  createWorkshop,
  startTestServer,
  stopTestServer,
  type TestServer,
  waitFor,
} from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await stopTestServer(server);
});

/** The HTTP status a Yjs upgrade gets (101 when accepted); the socket is closed at once. */
function upgradeStatus(url: string, headers: Record<string, string>): Promise<number | 'reset'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('error', () => resolve('reset'));
  });
}

describe('[I22] the signing key', () => {
  for (const [label, content] of [
    ['not hexadecimal', 'this is not a hex key at all, not even close to one!!!!!!!!!!!!!!'],
    ['too short', 'abcd'],
    ['empty', ''],
  ] as const) {
    it(`refuses to start with a secret.key that is ${label}, saying why`, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'purple-key-'));
      writeFileSync(path.join(dir, 'secret.key'), content);
      try {
        await expect(startTestServer(dir)).rejects.toThrow(/secret\.key is not a valid key/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

describe('[I11] session cookies are read strictly', () => {
  it('refuses a cookie with an extra segment on the Yjs endpoint and socket.io', async () => {
    const w = await createWorkshop(server);
    const url = `${server.url.replace('http', 'ws')}/yjs/${w.workshopId}`;
    const cookie = `${w.facilitator.cookie}.x`;
    expect(await upgradeStatus(url, { origin: server.url, cookie })).toBe(401);
    const control = connectControl({ ...w.facilitator, cookie });
    const error = await new Promise<Error>((resolve) => control.on('connect_error', resolve));
    expect((error as Error & { data?: { reason?: string } }).data?.reason).toBe('unauthenticated');
    control.close();
  });

  it('answers 401 to a Yjs upgrade whose cookie has broken %-encoding', async () => {
    const w = await createWorkshop(server);
    const url = `${server.url.replace('http', 'ws')}/yjs/${w.workshopId}`;
    const cookie = `purple_${w.workshopId}=%E0%A4%A`;
    expect(await upgradeStatus(url, { origin: server.url, cookie })).toBe(401);
  });
});

describe('[I11] the Origin check compares scheme, host and port', () => {
  it('refuses https:// on a plain-http server, and another port, on both channels', async () => {
    const w = await createWorkshop(server);
    const url = `${server.url.replace('http', 'ws')}/yjs/${w.workshopId}`;
    const cookie = w.facilitator.cookie;
    const https = server.url.replace('http:', 'https:');
    const otherPort = `http://localhost:${server.port + 1}`;
    expect(await upgradeStatus(url, { origin: https, cookie })).toBe(403);
    expect(await upgradeStatus(url, { origin: otherPort, cookie })).toBe(403);
    expect(await upgradeStatus(url, { origin: server.url, cookie })).toBe(101);
    const control = connectControl({ ...w.facilitator, baseUrl: https });
    await new Promise<Error>((resolve) => control.on('connect_error', resolve));
    expect(control.connected).toBe(false);
    control.close();
    const good = connectControl(w.facilitator);
    await waitFor('a same-origin control socket', () => good.connected);
    good.close();
  });
});

describe('forwarded headers', () => {
  const headers = (h: Record<string, string>) => (name: string) => h[name] ?? null;

  it('ignores X-Forwarded-Host and -Proto unless TRUST_PROXY is set', async () => {
    const forged = headers({
      host: 'localhost:3000',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
    });
    expect(server.purple.workshops.requestContext(forged).origin).toBe('http://localhost:3000');
    const proxied = await startTestServer(undefined, { trustProxy: 1 });
    try {
      expect(proxied.purple.workshops.requestContext(forged).origin).toBe('https://evil.example');
    } finally {
      await stopTestServer(proxied);
    }
  });
});

describe('[I24] free text is cleaned on the server', () => {
  it('refuses an invisible-only name and strips a right-to-left override from a title', async () => {
    const ws = server.purple.workshops;
    const w = await createWorkshop(server);
    const invisible = await ws.join(
      w.tokens.people,
      { name: '\u200B', anonymous: false },
      server.url,
    );
    expect(invisible).toMatchObject({ ok: false, reason: 'invalidInput' });
    const made = await ws.createWorkshop(
      {
        title: '\u202Eevil\u202C',
        question: 'Why?',
        facilitatorName: 'Fay',
        facilitatorGroup: 'system',
        anonymous: false,
      },
      server.url,
    );
    if (!made.ok) throw new Error(made.message);
    const page = await ws.boardPage(made.value.workshopId, made.value.cookie.value, server.url);
    expect(page.ok && page.value.workshop.title).toBe('evil');
  });
});

describe('[I25] security headers on every response', () => {
  it('sends nosniff, no-referrer, no framing and a deny-all CSP, and HSTS when PUBLIC_URL is https', async () => {
    const plain = await fetch(`${server.url}/anything`);
    expect(plain.headers.get('x-content-type-options')).toBe('nosniff');
    expect(plain.headers.get('referrer-policy')).toBe('no-referrer');
    expect(plain.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const polling = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, {
      headers: { origin: server.url },
    });
    expect(polling.headers.get('x-content-type-options')).toBe('nosniff');
    const https = await startTestServer(undefined, { publicUrl: 'https://purple.example' });
    try {
      const r = await fetch(`${https.url}/`);
      expect(r.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    } finally {
      await stopTestServer(https);
    }
  });
});
