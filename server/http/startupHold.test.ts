import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { holdUntilReady, type StartupHold } from './startupHold';

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

async function holding(opts?: Parameters<typeof holdUntilReady>[1]) {
  const server = http.createServer();
  servers.push(server);
  const hold = holdUntilReady(server, opts);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, hold, http: `http://${base}`, ws: `ws://${base}` };
}

/** The routes a started server would add: pages answer their path, /ws upgrades and says hi. */
function addRoutes(server: http.Server, seen: string[]): void {
  const wss = new WebSocketServer({ noServer: true });
  server.on('request', (req, res) => {
    seen.push(req.url ?? '');
    res.end(`page ${req.url}`);
  });
  server.on('upgrade', (req, socket, head) => {
    seen.push(`upgrade ${req.url}`);
    wss.handleUpgrade(req, socket, head, (ws) => ws.send('hi'));
  });
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('holdUntilReady (I95)', () => {
  it('answers /healthz at once and /readyz as not ready while starting', async () => {
    const { http: url } = await holding();
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.text()).toBe('ok\n');
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(503);
  });

  it('holds requests and upgrades until release, then hands them over in arrival order', async () => {
    const { server, hold, http: url, ws: wsUrl } = await holding();
    let answered = false;
    const page = fetch(`${url}/board`).then(async (r) => {
      answered = true;
      return r.text();
    });
    await until(() => hold.held === 1);
    const ws = new WebSocket(`${wsUrl}/yjs/w1`);
    const hello = new Promise<string>((resolve, reject) => {
      ws.once('message', (d) => resolve(String(d)));
      ws.once('error', reject);
    });
    const second = fetch(`${url}/second`).then((r) => r.text());
    await until(() => hold.held === 3);
    expect(answered).toBe(false);

    const seen: string[] = [];
    addRoutes(server, seen);
    hold.release();
    expect(await page).toBe('page /board');
    expect(await hello).toBe('hi');
    expect(await second).toBe('page /second');
    expect(seen).toEqual(['/board', 'upgrade /yjs/w1', '/second']);
    expect(hold.held).toBe(0);
    ws.close();
  });

  it('forgets a request whose client gives up while it waits', async () => {
    const { server, hold, http: url } = await holding();
    const abort = new AbortController();
    const page = fetch(`${url}/board`, { signal: abort.signal }).catch((e: Error) => e.name);
    await until(() => hold.held === 1);
    abort.abort();
    expect(await page).toBe('AbortError');
    await until(() => hold.held === 0);
    const seen: string[] = [];
    addRoutes(server, seen);
    hold.release();
    expect(seen).toEqual([]);
  });

  it('answers 503 with Retry-After beyond maxHeld, and after maxWaitMs', async () => {
    const { hold, http: url } = await holding({ maxHeld: 1, maxWaitMs: 200 });
    const first = fetch(`${url}/a`);
    await until(() => hold.held === 1);
    const over = await fetch(`${url}/b`);
    expect(over.status).toBe(503);
    expect(over.headers.get('retry-after')).toBe('1');
    expect(await over.text()).toMatch(/starting/);
    // Never released: the first one is let go with the same answer when its wait ends.
    const late = await first;
    expect(late.status).toBe(503);
    expect(hold.held).toBe(0);
  });

  it('refuses everything waiting with 503 when start-up fails', async () => {
    const { hold, http: url, ws: wsUrl } = await holding();
    const page = fetch(`${url}/board`);
    const ws = new WebSocket(`${wsUrl}/yjs/w1`);
    const refused = new Promise<number>((resolve) =>
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    ws.on('error', () => undefined);
    await until(() => hold.held === 2);
    (hold as StartupHold).fail();
    expect((await page).status).toBe(503);
    expect(await refused).toBe(503);
  });
});
