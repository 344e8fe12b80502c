/**
 * Load-generator side of one busy room: a few real WebsocketProvider writers and many
 * light clients in one room; writers insert short tokens (`~id;`) whose send time the load
 * generator keeps, and every other client timestamps each token's arrival. Used by the
 * fan-out and throughput measurements.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { cardText, createCard } from '../../lib/board/doc';
import {
  inBatches,
  LightClient,
  makeToken,
  ProviderClient,
  type Seat,
  sleep,
  until,
} from './clients';
import { quantile } from './stats';

export interface WindowResult {
  edits: number;
  /** Offered edit rate (edits/s) and the rate actually sent. */
  offeredRate: number;
  sentRate: number;
  p50: number;
  p99: number;
  mean: number;
  /** Arrivals measured / expected (edits × (clients − 1)). */
  received: number;
  expected: number;
  /** Time after the last send until every arrival was in (or the drain timed out). */
  drainMs: number;
  /** Share of one core the load generator used over the window (1 = saturated). */
  loadgenCpu: number;
  /**
   * Only when the room's seats are spread over several servers (the scale-out section):
   * arrivals at clients on the writer's own server, and on another server.
   */
  byServer?: {
    same: { p50: number; p99: number; n: number };
    other: { p50: number; p99: number; n: number };
  };
}

interface Writer {
  doc: Y.Doc;
  cardId: string;
  destroy(): void;
}

function updateMessage(update: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, 0);
  encoding.writeVarUint(enc, 2);
  encoding.writeVarUint8Array(enc, update);
  return encoding.toUint8Array(enc);
}

export class LoadRoom {
  private readonly light: LightClient[] = [];
  private readonly writers: Writer[] = [];
  private readonly sendTimes = new Map<number, { t: number; writer: number }>();
  private nextId = 1;
  private latencies: number[] = [];
  /** With seats on several servers: arrivals on the writer's own server, and on another. */
  private sameLatencies: number[] = [];
  private otherLatencies: number[] = [];
  private readonly spread: boolean;
  private received = 0;
  connectMs = 0;

  /**
   * `lightWriters`: writers keep only their own edits in a local Y.Doc and send its updates
   * over a light client, instead of being full WebsocketProviders that also apply everyone
   * else's edits (which, at thousands of edits a second, saturates the load generator).
   */
  constructor(
    private readonly seats: Seat[],
    private readonly writerCount: number,
    private readonly lightWriters = false,
  ) {
    this.spread = new Set(seats.map((s) => s.wsBase)).size > 1;
  }

  /** Index `i` receives token `id` at `at`. Writers are indices 0..writerCount-1. */
  private arrive(i: number, id: number, at: number): void {
    const s = this.sendTimes.get(id);
    if (!s || s.writer === i) return;
    this.latencies.push(at - s.t);
    if (this.spread)
      (this.seats[i]?.wsBase === this.seats[s.writer]?.wsBase
        ? this.sameLatencies
        : this.otherLatencies
      ).push(at - s.t);
    this.received++;
  }

  async connect(): Promise<void> {
    const start = performance.now();
    const w = Math.min(this.writerCount, this.seats.length);
    for (let i = 0; i < w; i++) {
      const seat = this.seats[i] as Seat;
      const onToken = (id: number, at: number) => this.arrive(i, id, at);
      if (this.lightWriters) {
        const client = new LightClient(seat, { onToken });
        client.connect();
        await withTimeout(client.whenSynced(), 30_000, 'a writer to sync');
        const doc = new Y.Doc();
        doc.on('update', (u: Uint8Array) => client.send(updateMessage(u)));
        this.writers.push({
          doc,
          cardId: createCard(doc, 'priorities', 'w'),
          destroy: () => {
            client.close();
            doc.destroy();
          },
        });
      } else {
        const client = new ProviderClient(seat, { awareness: false, onToken });
        await withTimeout(client.synced, 30_000, 'a writer to sync');
        this.writers.push({
          doc: client.doc,
          cardId: createCard(client.doc, 'priorities', 'w'),
          destroy: () => client.destroy(),
        });
      }
    }
    const rest = this.seats.slice(w);
    await inBatches(rest, 50, async (seat, k) => {
      const i = w + k;
      const c = new LightClient(seat, { onToken: (id, at) => this.arrive(i, id, at) });
      this.light.push(c);
      c.connect();
      await withTimeout(c.whenSynced(), 60_000, 'a light client to sync');
    });
    this.connectMs = performance.now() - start;
    // Let the writers' new cards reach everyone before measuring.
    await sleep(300);
  }

  private edit(k: number): void {
    const wi = k % this.writers.length;
    const w = this.writers[wi] as Writer;
    const id = this.nextId++;
    const token = makeToken(id);
    this.sendTimes.set(id, { t: performance.now(), writer: wi });
    const text = cardText(w.doc, w.cardId);
    // Purple caps a card at 2,000 characters: move on to a fresh card well before.
    if (!text || text.length > 1500) w.cardId = createCard(w.doc, 'priorities', token);
    else text.insert(text.length, token);
  }

  /** Send `edits` edits at `rate` per second, then wait for every arrival; returns the window's figures. */
  async drive(rate: number, edits: number, drainTimeoutMs = 10_000): Promise<WindowResult> {
    this.latencies = [];
    this.sameLatencies = [];
    this.otherLatencies = [];
    this.received = 0;
    const first = this.nextId;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let sent = 0;
    while (sent < edits) {
      const due = Math.min(edits, Math.floor(((performance.now() - t0) * rate) / 1000) + 1);
      while (sent < due) this.edit(sent++);
      if (sent < edits) await sleep(Math.max(1, Math.floor(1000 / rate / 2)));
    }
    const sendEnd = performance.now();
    const receivers = this.writers.length + this.light.length - 1;
    const expected = edits * receivers;
    try {
      await until('every edit to arrive', () => this.received >= expected, drainTimeoutMs, 2);
    } catch {
      // Reported as received < expected.
    }
    const drainMs = performance.now() - sendEnd;
    const cpu = process.cpuUsage(cpu0);
    const loadgenCpu = (cpu.user + cpu.system) / 1000 / Math.max(performance.now() - t0, 1);
    for (let id = first; id < this.nextId; id++) this.sendTimes.delete(id);
    const lat = this.latencies;
    const sentSpan = sendEnd - t0;
    return {
      edits,
      offeredRate: rate,
      sentRate: edits > 1 ? ((edits - 1) * 1000) / Math.max(sentSpan, 1) : rate,
      p50: quantile(lat, 0.5),
      p99: quantile(lat, 0.99),
      mean: lat.reduce((a, b) => a + b, 0) / Math.max(lat.length, 1),
      received: this.received,
      expected,
      drainMs,
      loadgenCpu,
      byServer: this.spread ? this.splitByServer() : undefined,
    };
  }

  /** Arrivals on the writer's own server vs another, over the window. */
  private splitByServer(): NonNullable<WindowResult['byServer']> {
    const sum = (xs: number[]) => ({
      p50: quantile(xs, 0.5),
      p99: quantile(xs, 0.99),
      n: xs.length,
    });
    return { same: sum(this.sameLatencies), other: sum(this.otherLatencies) };
  }

  close(): void {
    for (const w of this.writers) w.destroy();
    for (const c of this.light) c.close();
    this.writers.length = 0;
    this.light.length = 0;
  }
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)),
        ms,
      );
    }),
  ]);
}
