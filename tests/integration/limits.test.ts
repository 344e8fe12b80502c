/**
 * Limits at the door (issue 8 §4; ARCHITECTURE I23): workshops and joins per address and
 * per link, and open connections per person (Yjs and socket.io each) and per address,
 * refused before engine.io allocates a session. Small limits keep the tests short.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../../server/config';
import {
  ask,
  connectControl,
  createWorkshop,
  join,
  startTestServer,
  stopTestServer,
  type TestServer,
  waitFor,
} from './harness';

const limits = {
  ...loadConfig({} as NodeJS.ProcessEnv).limits,
  workshopsPerHour: 3,
  joinsPerLinkPerHour: 4,
  joinsPerAddressPer10Min: 3,
  connectionsPerPerson: 2,
  connectionsPerAddress: 6,
};

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(undefined, { limits });
});
afterAll(async () => {
  await stopTestServer(server);
});

const input = {
  title: 'Limits',
  question: 'How many?',
  facilitatorName: 'Fay',
  facilitatorGroup: 'system' as const,
  anonymous: false,
};

/** Open a raw Yjs socket; resolves with it once open, or with the refusal's HTTP status. */
function openYjs(url: string, headers: Record<string, string>): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => resolve(ws));
    ws.on('error', () => resolve(0));
  });
}

/** Ask engine.io for a new polling session, as a client without any cookie would. */
function engineHandshake(base: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}/socket.io/?EIO=4&transport=polling`, { headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });
}

describe('[I23] limits on what one client can create', () => {
  it('limits workshops per client address with a clear message and 429 semantics', async () => {
    const w = server.purple.workshops;
    for (let i = 0; i < 3; i++) {
      expect((await w.createWorkshop(input, server.url, '198.51.100.7')).ok).toBe(true);
    }
    const refused = await w.createWorkshop(input, server.url, '198.51.100.7');
    expect(refused).toMatchObject({ ok: false, reason: 'tooMany' });
    if (refused.ok) return;
    expect(refused.message).toMatch(/Too many workshops .* Please try again in \d+ minutes\./);
    expect(refused.retryAfterSeconds).toBeGreaterThan(60);
    expect((await w.createWorkshop(input, server.url, '198.51.100.8')).ok).toBe(true);
  });

  it('limits joins per link and per client address', async () => {
    const ws = server.purple.workshops;
    const w = await createWorkshop(server);
    const person = { name: 'Sam', anonymous: false };
    const byAddress = [];
    for (let i = 0; i < 4; i++)
      byAddress.push(await ws.join(w.tokens.people, person, server.url, '203.0.113.5'));
    expect(byAddress.map((r) => r.ok)).toEqual([true, true, true, false]);
    expect(byAddress[3]).toMatchObject({ reason: 'tooMany' });
    // The address was refused before the link counted; one more from elsewhere fills the link.
    expect((await ws.join(w.tokens.people, person, server.url, '203.0.113.6')).ok).toBe(true);
    const overLink = await ws.join(w.tokens.people, person, server.url, '203.0.113.7');
    expect(overLink).toMatchObject({ ok: false, reason: 'tooMany' });
    expect((await ws.join(w.tokens.system, person, server.url, '203.0.113.7')).ok).toBe(true);
  });
});

describe('[I23] limits on open connections', () => {
  it('caps one person’s Yjs connections, and gives a slot back when one closes', async () => {
    const w = await createWorkshop(server);
    const url = `${server.url.replace('http', 'ws')}/yjs/${w.workshopId}`;
    const headers = { origin: server.url, cookie: w.facilitator.cookie };
    const first = await openYjs(url, headers);
    const second = await openYjs(url, headers);
    expect(first).toBeInstanceOf(WebSocket);
    expect(second).toBeInstanceOf(WebSocket);
    expect(await openYjs(url, headers)).toBe(429);
    (first as WebSocket).close();
    await new Promise((r) => (first as WebSocket).once('close', r));
    // The server frees the slot when its side of the socket closes, just after the client's.
    let again: WebSocket | number = 0;
    for (let i = 0; i < 50 && !(again instanceof WebSocket); i++) {
      await new Promise((r) => setTimeout(r, 20));
      again = await openYjs(url, headers);
    }
    expect(again).toBeInstanceOf(WebSocket);
    (second as WebSocket).close();
    (again as WebSocket).close();
  });

  it('caps one person’s socket.io connections', async () => {
    const w = await createWorkshop(server);
    const pat = await join(server, w.tokens.people, { name: 'Pat' });
    const a = connectControl(pat);
    const b = connectControl(pat);
    await waitFor('two tabs', () => a.connected && b.connected);
    const c = connectControl(pat);
    const error = await new Promise<Error & { data?: { reason?: string } }>((resolve) =>
      c.on('connect_error', resolve),
    );
    expect(error.data?.reason).toBe('tooMany');
    for (const s of [a, b, c]) s.close();
  });

  it('refuses engine.io sessions without a cookie beyond the address cap, before allocating them', async () => {
    const fresh = await startTestServer(undefined, { limits });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++)
        statuses.push(await engineHandshake(fresh.url, { origin: fresh.url }));
      expect(statuses.filter((s) => s === 200)).toHaveLength(limits.connectionsPerAddress);
      expect(statuses.slice(limits.connectionsPerAddress).every((s) => s === 403)).toBe(true);
      expect(fresh.purple.control.io.engine.clientsCount).toBe(limits.connectionsPerAddress);
    } finally {
      await stopTestServer(fresh);
    }
  });

  it('reads X-Forwarded-For only when TRUST_PROXY is set', async () => {
    const count = async (s: TestServer) => {
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) {
        const headers = { origin: s.url, 'x-forwarded-for': `192.0.2.${i}` };
        statuses.push(await engineHandshake(s.url, headers));
      }
      return statuses.filter((status) => status === 200).length;
    };
    const plain = await startTestServer(undefined, { limits });
    const proxied = await startTestServer(undefined, { limits, trustProxy: 1 });
    try {
      // Without TRUST_PROXY every forged address is still the one peer: the cap holds.
      expect(await count(plain)).toBe(limits.connectionsPerAddress);
      // Behind a trusted proxy, each forwarded address has its own slots.
      expect(await count(proxied)).toBe(10);
    } finally {
      await stopTestServer(plain);
      await stopTestServer(proxied);
    }
  });

  it('[I23] answers control requests past a person’s limit with tooMany; others carry on', async () => {
    const fresh = await startTestServer(undefined, {
      limits: { ...limits, requestsPerPersonPer10s: 8, historyPerPersonPerMin: 2 },
    });
    try {
      const w = await createWorkshop(fresh);
      const pat = await join(fresh, w.tokens.people);
      const sam = await join(fresh, w.tokens.system);
      const [a, b] = [connectControl(pat), connectControl(sam)];
      await waitFor('both connected', () => a.connected && b.connected);
      const ref = { cardId: 'no-such-card' };
      const histories = [];
      for (let i = 0; i < 3; i++) histories.push(await ask(a, 'card:history', ref));
      expect(histories.map((r) => r.ok || r.reason)).toEqual([
        'unknownCard',
        'unknownCard',
        'tooMany',
      ]);
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          ask(a, 'card:endorse', { ...ref, textHash: '0'.repeat(16) }),
        ),
      );
      const refused = answers.filter((r) => !r.ok && r.reason === 'tooMany');
      expect(refused).toHaveLength(10 - (8 - 3));
      expect(refused[0]?.ok === false && refused[0].message).toMatch(/paused for a moment/);
      // Sam's own budget is untouched by Pat's flood.
      const samAnswer = await ask(b, 'card:history', ref);
      expect(samAnswer.ok === false && samAnswer.reason).toBe('unknownCard');
      a.close();
      b.close();
    } finally {
      await stopTestServer(fresh);
    }
  });
});
