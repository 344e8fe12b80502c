/**
 * 2. Throughput: in one room, step the total edit rate up and find the highest rate at which
 * latency stays flat — p50 at most twice the p50 at the lowest rate, every edit delivered,
 * and the load generator able to send at the offered rate. Writers here keep only their own
 * edits (see LoadRoom's lightWriters), so the load generator is not the first to saturate.
 */
import type { Seat } from './lib/clients';
import { type Ctx, interleave, purpleSeats, refSeat } from './lib/context';
import { freshDir, setupPurple } from './lib/purpleSetup';
import type { WindowResult } from './lib/room';
import { type ServerProc, startServer } from './lib/servers';
import { bootstrapMedian, type Estimate } from './lib/stats';

export interface ThroughputRun {
  steps: (WindowResult & { flat: boolean })[];
  /** Highest offered rate (edits/s) before latency stopped being flat. */
  sustained: number;
  /** Why stepping stopped. */
  stoppedBy: string;
}

export interface ThroughputResult {
  clients: number;
  writers: number;
  rates: number[];
  reference: { runs: ThroughputRun[]; sustained: Estimate };
  purple: { runs: ThroughputRun[]; sustained: Estimate };
}

/** One stepping run in one room of `seats` (also used by the scale-out section). */
export async function stepRun(ctx: Ctx, seats: Seat[]): Promise<ThroughputRun> {
  const { cfg, lg } = ctx;
  const { handle } = await lg.call<{ handle: number }>('room.open', {
    seats,
    writers: cfg.throughputWriters,
    lightWriters: true,
  });
  const steps: ThroughputRun['steps'] = [];
  let sustained = 0;
  let stoppedBy = 'reached the highest rate tried';
  try {
    const first = cfg.throughputRates[0] ?? 10;
    await lg.call('room.drive', { handle, rate: first, edits: Math.max(5, Math.round(first / 2)) }); // warm-up
    let base = Number.NaN;
    for (const rate of cfg.throughputRates) {
      const edits = Math.max(5, Math.round((rate * cfg.throughputWindowMs) / 1000));
      const w = await lg.call<WindowResult>('room.drive', {
        handle,
        rate,
        edits,
        drainTimeoutMs: 5000,
      });
      if (Number.isNaN(base)) base = w.p50;
      const delivered = w.received >= w.expected;
      const paced = w.sentRate >= 0.9 * rate;
      const flat = w.p50 <= 2 * base;
      steps.push({ ...w, flat: flat && delivered && paced });
      if (!delivered) {
        stoppedBy = `at ${rate}/s not every edit arrived within 5 s (${w.received}/${w.expected})`;
        break;
      }
      if (!paced) {
        stoppedBy = `at ${rate}/s the load generator could only send ${w.sentRate.toFixed(0)}/s`;
        break;
      }
      if (!flat) {
        stoppedBy = `at ${rate}/s p50 ${w.p50.toFixed(2)} ms > 2 × ${base.toFixed(2)} ms`;
        break;
      }
      sustained = rate;
    }
  } finally {
    await lg.call('room.close', { handle });
  }
  return { steps, sustained, stoppedBy };
}

export async function measureThroughput(ctx: Ctx): Promise<ThroughputResult> {
  const { cfg } = ctx;
  const n = cfg.throughputClients;
  const dataDir = freshDir('purple-bench-tput-');
  ctx.cleanup.push(dataDir);
  const [w] = await setupPurple(dataDir, [n]);
  if (!w) throw new Error('no workshop');
  const runs = new Map<string, ThroughputRun[]>([
    ['ref-mem', []],
    ['purple', []],
  ]);
  for (let r = 0; r < cfg.throughputRuns; r++) {
    for (const kind of interleave(r, 'ref-mem' as const, 'purple' as const)) {
      // A fresh server per run: earlier steps' text must not slow later runs.
      const s: ServerProc =
        kind === 'ref-mem'
          ? await startServer('ref-mem')
          : await startServer('purple', { dataDir });
      try {
        const seats =
          kind === 'ref-mem'
            ? Array.from({ length: n }, () => refSeat(s, 'throughput'))
            : purpleSeats(s, w, n);
        const run = await stepRun(ctx, seats);
        runs.get(kind)?.push(run);
        ctx.log(
          `throughput ${n} clients, run ${r + 1}/${cfg.throughputRuns}, ${kind}: sustained ${run.sustained}/s (${run.stoppedBy})`,
        );
      } finally {
        await s.stop();
      }
    }
  }
  const a = runs.get('ref-mem') ?? [];
  const b = runs.get('purple') ?? [];
  return {
    clients: n,
    writers: cfg.throughputWriters,
    rates: cfg.throughputRates,
    reference: { runs: a, sustained: bootstrapMedian(a.map((x) => x.sustained)) },
    purple: { runs: b, sustained: bootstrapMedian(b.map((x) => x.sustained)) },
  };
}
