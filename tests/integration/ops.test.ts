/**
 * Health, readiness, metrics and draining (issue 12; I59, I60) against real services: a
 * Postgres cluster and a Redis server this test starts and stops itself (never the shared
 * ones), real Yjs and socket.io clients, and a real server process sent SIGTERM.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCard } from '../../lib/board/doc';
import { startThrowaway } from '../../scripts/ensurePostgres';
import { startThrowawayRedis } from '../../scripts/throwawayRedis';
import { clusterEnv } from './clusterHarness';
import {
  ask,
  connectControl,
  connectY,
  createWorkshop,
  join,
  startTestServer,
  stopTestServer,
  waitFor,
} from './harness';
import { parsePrometheus, sampleValue } from './promText';

const root = path.resolve(import.meta.dirname, '../..');
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function readyz(
  url: string,
): Promise<{ status: number; body: { checks: Record<string, string> } }> {
  const res = await fetch(`${url}/readyz`);
  return { status: res.status, body: await res.json() };
}

/** Poll /readyz until it answers `status`. */
async function readyzBecomes(url: string, status: number): Promise<void> {
  const until = Date.now() + 20_000;
  for (;;) {
    const r = await readyz(url);
    if (r.status === status) return;
    if (Date.now() > until)
      throw new Error(`/readyz stayed ${r.status}: ${JSON.stringify(r.body)}`);
    await new Promise((res) => setTimeout(res, 200));
  }
}

describe('health and readiness (I59)', () => {
  it('[I59] /healthz says ok and /readyz is ready on SQLite, without a session', async () => {
    const server = await startTestServer();
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.text()).toBe('ok\n');
    expect(await readyz(server.url)).toEqual({
      status: 200,
      body: { ready: true, checks: { store: 'ok' } },
    });
    expect((await fetch(`${server.url}/readyz`, { method: 'POST' })).status).toBe(405);
    await stopTestServer(server);
  });

  it('[I59] /readyz turns 503 when Postgres stops and 200 when it comes back', async () => {
    const pg = await startThrowaway();
    cleanups.push(() => pg.stop());
    const server = await startTestServer(undefined, { databaseUrl: pg.url });
    await readyzBecomes(server.url, 200);
    await pg.pause();
    await readyzBecomes(server.url, 503);
    expect((await readyz(server.url)).body.checks.store).toBe('failed');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await pg.resume();
    await readyzBecomes(server.url, 200);
    await stopTestServer(server);
  });

  it('[I59] /readyz turns 503 when Redis stops and 200 when it comes back', async () => {
    const redis = await startThrowawayRedis();
    cleanups.push(() => redis.stop());
    // REDIS_URL runs Purple as one of several instances, which needs Postgres (I62).
    const env = await clusterEnv({}, { redisUrl: redis.url });
    cleanups.push(() => env.cleanup());
    const server = await startTestServer(undefined, {
      databaseUrl: env.databaseUrl,
      redisUrl: redis.url,
      redisPrefix: env.prefix,
    });
    await readyzBecomes(server.url, 200);
    expect((await readyz(server.url)).body.checks).toEqual({ store: 'ok', redis: 'ok' });
    await redis.pause();
    await readyzBecomes(server.url, 503);
    expect((await readyz(server.url)).body.checks.redis).toBe('failed');
    await redis.resume();
    await readyzBecomes(server.url, 200);
    await stopTestServer(server);
  });
});

describe('metrics (I60)', () => {
  async function scrape(url: string, headers: Record<string, string> = {}) {
    const res = await fetch(`${url}/metrics`, { headers });
    const text = await res.text();
    return { status: res.status, text, ...(res.status === 200 ? parsePrometheus(text) : {}) };
  }

  it('[I60] parses as Prometheus text and its counters move with real traffic', async () => {
    const server = await startTestServer();
    const w = await createWorkshop(server, { name: 'Fay Facilitator' });
    const pat = await join(server, w.tokens.people, { name: 'Pat Person' });
    const before = await scrape(server.url);
    expect(before.status).toBe(200);
    expect(before.types?.get('purple_edits_total')).toBe('counter');
    expect(before.types?.get('purple_store_write_seconds')).toBe('histogram');
    expect(before.types?.get('nodejs_eventloop_lag_seconds')).toBe('gauge');

    const fay = connectY(server, w.facilitator);
    const patY = connectY(server, pat);
    const control = connectControl(pat);
    await Promise.all([fay.synced, patY.synced]);
    for (let i = 0; i < 5; i++) createCard(patY.doc, 'priorities', `Card ${i}`);
    await waitFor('Pat’s edits acknowledged', () => patY.acked() > 0);
    await waitFor('control connected', () => control.connected);
    expect(await ask(control, 'card:delete', { cardId: '' })).toMatchObject({
      ok: false,
      reason: 'invalidInput',
    });
    // An upgrade without a session is refused, and counted.
    const stranger = new WebSocket(`${server.url.replace('http', 'ws')}/yjs/${w.workshopId}`, {
      headers: { origin: server.url },
    });
    await new Promise((r) => stranger.once('error', r));

    let after = await scrape(server.url);
    const samples = () => after.samples ?? [];
    for (let tries = 0; sampleValue(samples(), 'purple_edits_total') < 5 && tries < 50; tries++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await scrape(server.url);
    }
    expect(
      sampleValue(samples(), 'purple_edits_total') -
        sampleValue(before.samples ?? [], 'purple_edits_total'),
    ).toBeGreaterThanOrEqual(5);
    expect(
      sampleValue(samples(), 'purple_store_write_seconds_count', { op: 'appendUpdate' }),
    ).toBeGreaterThanOrEqual(5);
    expect(sampleValue(samples(), 'purple_connections', { kind: 'yjs' })).toBe(2);
    expect(sampleValue(samples(), 'purple_connections', { kind: 'control' })).toBe(1);
    expect(sampleValue(samples(), 'purple_rooms_loaded')).toBe(1);
    expect(
      sampleValue(samples(), 'purple_refusals_total', {
        channel: 'control',
        reason: 'invalidInput',
      }),
    ).toBe(1);
    expect(
      samples().some((s) => s.name === 'purple_refusals_total' && s.labels.channel === 'upgrade'),
    ).toBe(true);
    // No workshop, person or address in any series (cardinality and privacy).
    for (const secret of [
      w.workshopId,
      pat.participantId,
      'Pat Person',
      'Fay Facilitator',
      '127.0.0.1',
    ])
      expect(after.text).not.toContain(secret);

    control.disconnect();
    fay.destroy();
    patY.destroy();
    await waitFor('connections gone', () => server.purple.openConnections() === 0);
    const gone = await scrape(server.url);
    expect(sampleValue(gone.samples ?? [], 'purple_connections', { kind: 'yjs' })).toBe(0);
    await stopTestServer(server);
  });

  it('[I60] only a bearer token, or loopback without a proxy, may read it', async () => {
    const open = await startTestServer();
    expect((await scrape(open.url)).status).toBe(200);
    expect((await scrape(open.url, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(403);
    await stopTestServer(open);
    const token = 'a-long-metrics-token-0123456789';
    const locked = await startTestServer(undefined, { metricsToken: token });
    expect((await scrape(locked.url)).status).toBe(403);
    expect(
      (await scrape(locked.url, { authorization: 'Bearer wrong-token-0123456789abcd' })).status,
    ).toBe(403);
    expect((await scrape(locked.url, { authorization: `Bearer ${token}` })).status).toBe(200);
    await stopTestServer(locked);
  });
});

describe('draining during a redeploy (I59)', () => {
  it('[I59] after SIGTERM /readyz answers 503 and new connections are refused; it exits once the open ones close', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'purple-drain-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const setup = await startTestServer(dataDir);
    const w = await createWorkshop(setup);
    await setup.close();

    const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts', '--no-next'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        PURPLE_LOG: 'info',
        PURPLE_LOG_FORMAT: 'json',
        DRAIN_MS: '60000',
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    let stderr = '';
    child.stderr?.on('data', (d) => {
      stderr += String(d);
    });
    const url = await new Promise<string>((resolve) => {
      let out = '';
      child.stdout?.on('data', (d) => {
        out += String(d);
        const m = /running at (http:\/\/\S+)/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
    });
    const fay = connectY({ url }, { ...w.facilitator, baseUrl: url });
    await fay.synced;
    expect((await readyz(url)).status).toBe(200);

    child.kill('SIGTERM');
    await readyzBecomes(url, 503);
    expect((await readyz(url)).body.checks.draining).toBe('draining');
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const late = new WebSocket(`${url.replace('http', 'ws')}/yjs/${w.workshopId}`, {
      headers: { cookie: w.facilitator.cookie, origin: url },
    });
    const status = await new Promise<number>((r) =>
      late.once('unexpected-response', (_req, res) => r(res.statusCode ?? 0)),
    );
    expect(status).toBe(503);
    // Still serving the open connection: an edit is stored and acknowledged.
    createCard(fay.doc, 'priorities', 'Written while draining');
    await waitFor('edit acknowledged while draining', () => fay.acked() > 0);
    expect(child.exitCode).toBeNull();

    fay.destroy();
    expect(await exit).toBe(0);
    // PURPLE_LOG_FORMAT=json: every line on stderr is one pino JSON record.
    const records = stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { level: string; msg: string });
    expect(records.map((r) => r.msg)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^draining/),
        expect.stringMatching(/^drained/),
      ]),
    );
    expect(records.every((r) => typeof r.level === 'string')).toBe(true);
  });
});
