/**
 * Development tool for bench section 6 (reconnect storm): where does the time go?
 *
 * `node --import tsx bench/stormTrace.ts [clients=500] [cards=200]` starts Purple on a
 * fresh data folder, connects N participants (a sync-protocol client and a socket.io
 * connection each, as bench/lib/idle.ts does), kills the server with SIGKILL, restarts it
 * on the same port and records, per client and relative to "listening again": every
 * attempt (opened, refused with an HTTP status, or failed), the sync, and for socket.io
 * every connect_error and the connect. It prints where the time went (attempts per client,
 * refusals by status, the distribution of first-attempt and synced times, both processes'
 * CPU, and how many connections the kernel dropped from a full listen queue).
 *
 * Not part of `npm run bench`: a probe for finding a cause, not a measurement to report.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { PROTOCOL_VERSION } from '../lib/protocol/reasons';
import { receiveWelcome } from '../lib/protocol/welcome';
import { boardHandlers } from './lib/board';
import { inBatches, type Seat, sleep, until } from './lib/clients';
import { purpleSeats } from './lib/context';
import { freshDir, setupPurple } from './lib/purpleSetup';
import { startServer, wallNow } from './lib/servers';

const N = Number(process.argv[2] ?? 500);
const CARDS = Number(process.argv[3] ?? 200);

interface Attempt {
  at: number;
  outcome: 'open' | 'refused' | 'error' | 'pending';
  status?: number;
  closedAt?: number;
  closeCode?: number;
}

const syncMessage = (sub: number, payload: Uint8Array): Uint8Array => {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, 0);
  encoding.writeVarUint(enc, sub);
  encoding.writeVarUint8Array(enc, payload);
  return encoding.toUint8Array(enc);
};
const STEP1 = syncMessage(0, Y.encodeStateVector(new Y.Doc()));
const STEP2_EMPTY = syncMessage(1, Y.encodeStateAsUpdate(new Y.Doc()));

/** A sync-protocol client (as bench/lib/clients.ts's LightClient) that logs every attempt. */
class TracedClient {
  attempts: Attempt[] = [];
  syncs: number[] = [];
  synced = false;
  private failures = 0;
  private closed = false;
  private ws: WebSocket | null = null;
  constructor(private readonly seat: Seat) {}

  connect(): void {
    const a: Attempt = { at: wallNow(), outcome: 'pending' };
    this.attempts.push(a);
    const headers = { cookie: this.seat.cookie ?? '', origin: this.seat.origin ?? '' };
    const ws = new WebSocket(`${this.seat.wsBase}/${this.seat.room}`, {
      headers,
      perMessageDeflate: false,
    });
    this.ws = ws;
    this.synced = false;
    ws.on('unexpected-response', (_req, res) => {
      a.outcome = 'refused';
      a.status = res.statusCode;
      res.resume();
      ws.terminate();
    });
    ws.on('open', () => {
      a.outcome = 'open';
      this.failures = 0;
      ws.send(STEP1);
    });
    ws.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(d) !== 0) return;
      const sub = decoding.readVarUint(d);
      if (sub === 0) ws.send(STEP2_EMPTY);
      else if (sub === 1) {
        this.synced = true;
        this.syncs.push(wallNow());
      }
    });
    ws.on('error', () => {
      if (a.outcome === 'pending') a.outcome = 'error';
    });
    ws.on('close', (code) => {
      a.closedAt = wallNow();
      a.closeCode = code;
      if (this.ws !== ws) return;
      this.synced = false;
      this.ws = null;
      if (this.closed) return;
      const wait = Math.min(2 ** this.failures * 100, 2500);
      this.failures++;
      setTimeout(() => {
        if (!this.closed) this.connect();
      }, wait);
    });
  }

  close(): void {
    this.closed = true;
    this.ws?.terminate();
  }
}

interface Control {
  socket: Socket;
  errors: { at: number; message: string }[];
  connects: number[];
  attempts: number[];
}

/** socket.io messages received by all clients, by event: how many, and their JSON's length. */
const received = new Map<string, { count: number; chars: number }>();

function control(seat: Seat, base: string): Control {
  const socket = io(base, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: { workshopId: seat.room, protocol: PROTOCOL_VERSION },
    extraHeaders: { cookie: seat.cookie ?? '', origin: seat.origin ?? '' },
    reconnectionDelay: 100,
    reconnectionDelayMax: 2500,
    forceNew: true,
  });
  receiveWelcome(socket);
  const c: Control = { socket, errors: [], connects: [], attempts: [] };
  socket.on('connect', () => c.connects.push(wallNow()));
  socket.on('connect_error', (e) => c.errors.push({ at: wallNow(), message: e.message }));
  socket.io.on('reconnect_attempt', () => c.attempts.push(wallNow()));
  socket.onAny((event: string, payload: unknown) => {
    const r = received.get(event) ?? { count: 0, chars: 0 };
    r.count++;
    r.chars += JSON.stringify(payload ?? null).length;
    received.set(event, r);
  });
  return c;
}

function quantiles(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN;
  return `min ${q(0).toFixed(0)} p10 ${q(0.1).toFixed(0)} p50 ${q(0.5).toFixed(0)} p90 ${q(0.9).toFixed(0)} max ${q(1).toFixed(0)}`;
}

function histogram(xs: number[], bucket: number): string {
  const h = new Map<number, number>();
  for (const x of xs) {
    const b = Math.floor(x / bucket) * bucket;
    h.set(b, (h.get(b) ?? 0) + 1);
  }
  return [...h.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([b, n]) => `${b}:${n}`)
    .join(' ');
}

/** TcpExt ListenOverflows from /proc/net/netstat (Linux; NaN elsewhere). */
function listenOverflows(): number {
  try {
    const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n');
    const names = lines.find((l) => l.startsWith('TcpExt:'))?.split(' ') ?? [];
    const values = lines.filter((l) => l.startsWith('TcpExt:'))[1]?.split(' ') ?? [];
    return Number(values[names.indexOf('ListenOverflows')]);
  } catch {
    return Number.NaN;
  }
}

async function main(): Promise<void> {
  const dataDir = freshDir('purple-storm-trace-');
  const [w] = await setupPurple(dataDir, [N]);
  if (!w) throw new Error('no workshop');
  const env = process.env.TRACE_ENV
    ? (JSON.parse(process.env.TRACE_ENV) as Record<string, string>)
    : {};
  const first = await startServer('purple', { dataDir, env });
  const seats = purpleSeats(first, w, N);
  const seed = boardHandlers['board.seed'];
  if (!seed) throw new Error('no seeder');
  await seed({ seat: seats[0], cards: CARDS });
  const clients = seats.map((s) => new TracedClient(s));
  const controls: Control[] = [];
  await inBatches(seats, 50, async (seat, i) => {
    const c = control(seat, first.httpUrl);
    controls[i] = c;
    await new Promise<void>((resolve) => c.socket.once('connect', () => resolve()));
    const t = clients[i];
    if (!t) return;
    t.connect();
    await until('synced', () => t.synced, 60_000, 5);
  });
  await sleep(500);
  const overflowsAtKill = listenOverflows();
  await first.kill9();
  const killedAt = wallNow();
  const cpuProfDir = process.env.TRACE_PROF;
  const again = await startServer('purple', { dataDir, port: first.port, env, cpuProfDir });
  const t0 = again.readyAt;
  const cpuAtReady = again.cpuMs();
  const clientCpuAtReady = process.cpuUsage();
  // TRACE_STRACE=1: count the server's write system calls from ready until all back.
  const strace = process.env.TRACE_STRACE
    ? spawn('strace', ['-c', '-f', '-e', 'trace=writev,write', '-p', String(again.pid)], {
        stdio: ['ignore', 'ignore', 'pipe'],
      })
    : null;
  const straced = new Promise<string>((resolve) => {
    let text = '';
    strace?.stderr?.on('data', (d) => {
      text += String(d);
    });
    strace?.on('close', () => resolve(text));
    if (!strace) resolve('');
  });
  console.log(`restart took ${(t0 - killedAt).toFixed(0)} ms (kill → listening)`);
  await until(
    'all back',
    () =>
      clients.every((c) => c.synced && c.syncs.length >= 2) &&
      controls.every((c) => c.socket.connected),
    60_000,
    5,
  );
  const cpuAtBack = again.cpuMs();
  const clientCpu = process.cpuUsage(clientCpuAtReady);
  const overflows = listenOverflows() - overflowsAtKill;
  strace?.kill('SIGINT');
  if (strace) console.log(await straced);
  await sleep(1000);
  console.log(
    `server CPU: ${cpuAtReady.toFixed(0)} ms to ready, ${(cpuAtBack - cpuAtReady).toFixed(0)} ms from ready until all back, ${(again.cpuMs() - cpuAtBack).toFixed(0)} ms in the second after`,
  );
  console.log(
    `this process (the clients): ${((clientCpu.user + clientCpu.system) / 1000).toFixed(0)} ms of CPU from ready until all back`,
  );
  // Connections the kernel dropped because a listen queue was full (machine-wide).
  console.log(`listen queue overflows from the kill until all back: ${overflows}`);
  const rel = (x: number) => x - t0;
  const lastSync = clients.map((c) => rel(c.syncs[c.syncs.length - 1] ?? Number.NaN));
  const lastConnect = controls.map((c) => rel(c.connects[c.connects.length - 1] ?? Number.NaN));
  console.log(
    `all synced ${Math.max(...lastSync).toFixed(0)} ms, all socket.io back ${Math.max(...lastConnect).toFixed(0)} ms`,
  );
  // Yjs attempts after the kill.
  const after = clients.map((c) => c.attempts.filter((a) => a.at > killedAt));
  const byOutcome = new Map<string, number>();
  for (const list of after)
    for (const a of list) {
      const k = `${a.outcome}${a.status ? ` ${a.status}` : ''}${a.outcome === 'open' && a.closeCode && a.closedAt && a.closedAt > t0 && a !== list[list.length - 1] ? ` closed ${a.closeCode}` : ''}`;
      byOutcome.set(k, (byOutcome.get(k) ?? 0) + 1);
    }
  console.log('Yjs attempts after the kill, by outcome:', Object.fromEntries(byOutcome));
  console.log(
    'Yjs attempts per client:',
    histogram(
      after.map((l) => l.length),
      1,
    ),
  );
  const beforeReady = after.map((l) => l.filter((a) => a.at < t0).length);
  console.log('  of which before listening:', histogram(beforeReady, 1));
  const firstAfterReady = after.map((l) => rel(l.find((a) => a.at >= t0)?.at ?? Number.NaN));
  console.log('first Yjs attempt after listening (ms):', quantiles(firstAfterReady));
  const openAt = after.map((l) => rel(l.find((a) => a.outcome === 'open')?.at ?? Number.NaN));
  console.log('accepted attempt started (ms):', quantiles(openAt));
  console.log('synced (ms):', quantiles(lastSync));
  console.log('synced histogram (100 ms):', histogram(lastSync, 100));
  const wait = clients.map(
    (c, i) =>
      (c.syncs[c.syncs.length - 1] ?? 0) - (after[i]?.find((a) => a.outcome === 'open')?.at ?? 0),
  );
  console.log('accepted attempt → synced (ms):', quantiles(wait));
  // socket.io
  const errs = new Map<string, number>();
  for (const c of controls)
    for (const e of c.errors) errs.set(e.message, (errs.get(e.message) ?? 0) + 1);
  console.log('socket.io connect_errors:', Object.fromEntries(errs));
  console.log(
    'socket.io attempts per client:',
    histogram(
      controls.map((c) => c.attempts.length),
      1,
    ),
  );
  console.log('socket.io connected (ms):', quantiles(lastConnect));
  console.log('socket.io connected histogram (100 ms):', histogram(lastConnect, 100));
  console.log(`peak RSS ${(again.hwm() / 2 ** 20).toFixed(1)} MiB`);
  console.log('socket.io messages received by all clients, both connections (count, KiB):');
  for (const [event, r] of [...received].sort((a, b) => b[1].chars - a[1].chars))
    console.log(`  ${event}: ${r.count}, ${(r.chars / 1024).toFixed(0)}`);
  for (const c of clients) c.close();
  for (const c of controls) c.socket.disconnect();
  await again.stop();
  process.exit(0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
