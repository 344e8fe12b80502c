/**
 * Prometheus metrics (issue 12) with prom-client, on a registry of this server's own (tests
 * run several servers in one process). No label carries a workshop, a person or an address:
 * labels are closed sets (connection kind, refusal reason, store operation), so the number
 * of series stays bounded (I60). Rates are Prometheus's job: everything that happens is a
 * counter; what is there now is a gauge read at scrape time.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** What the metrics read when scraped: live state the server already keeps. */
export interface MetricSources {
  /** Open Yjs WebSocket connections. */
  yjsConnections(): number;
  /** Open socket.io (engine.io) connections. */
  controlConnections(): number;
  /** Boards held in memory. */
  loadedRooms(): number;
}

/** Which channel refused a request. */
export type RefusalChannel = 'yjs' | 'upgrade' | 'control';

/** The process's metrics and the calls that move them. */
export class Metrics {
  readonly registry = new Registry();
  private readonly edits: Counter;
  private readonly refusals: Counter<'channel' | 'reason'>;
  private readonly storeWrites: Histogram<'op'>;
  private readonly redisRoundTrip: Histogram;

  constructor(sources: MetricSources) {
    const registers = [this.registry];
    // Event-loop lag, heap, CPU, handles: prom-client's standard process metrics.
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'purple_connections',
      help: 'Open connections by kind (yjs: board editing; control: socket.io).',
      labelNames: ['kind'],
      registers,
      collect() {
        this.set({ kind: 'yjs' }, sources.yjsConnections());
        this.set({ kind: 'control' }, sources.controlConnections());
      },
    });
    new Gauge({
      name: 'purple_rooms_loaded',
      help: 'Workshop boards held in memory.',
      registers,
      collect() {
        this.set(sources.loadedRooms());
      },
    });
    this.edits = new Counter({
      name: 'purple_edits_total',
      help: 'Board edits (Yjs updates from participants) stored and shared.',
      registers,
    });
    this.refusals = new Counter({
      name: 'purple_refusals_total',
      help: 'Requests refused, by channel and reason (lib/protocol/reasons.ts).',
      labelNames: ['channel', 'reason'],
      registers,
    });
    this.storeWrites = new Histogram({
      name: 'purple_store_write_seconds',
      help: 'Time a store write took, by operation, failed ones included.',
      labelNames: ['op'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.redisRoundTrip = new Histogram({
      name: 'purple_redis_roundtrip_seconds',
      help: 'Time a Redis PING took (readiness checks and scrapes), when REDIS_URL is set.',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    });
  }

  /** A participant's edit was stored and shared. */
  edit(): void {
    this.edits.inc();
  }

  /** Something was refused; `reason` is one of the protocol's reasons (a closed set). */
  refused(channel: RefusalChannel, reason: string): void {
    this.refusals.inc({ channel, reason });
  }

  /** A store write of kind `op` took `seconds`. */
  storeWrite(op: string, seconds: number): void {
    this.storeWrites.observe({ op }, seconds);
  }

  /** A Redis PING took `seconds`. */
  redisPing(seconds: number): void {
    this.redisRoundTrip.observe(seconds);
  }

  /** The text exposition format Prometheus scrapes. */
  async text(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
