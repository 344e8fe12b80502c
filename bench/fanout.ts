/**
 * 1. Fan-out latency in one room of N clients: p50 and p99 from an edit to its arrival at
 * every other client, against the in-memory reference and Purple, interleaved A/B; and,
 * for comparison, Hocuspocus on its SQLite extension in the same interleaving (its writers
 * are HocuspocusProviders, its other clients light clients speaking its framing).
 * Also the CPU profiles of the reference and Purple during the largest room (`--cpu-prof`).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Seat } from './lib/clients';
import { type Ctx, interleaveAll, purpleSeats, refSeat } from './lib/context';
import { hocuspocusSeat, startHocuspocus } from './lib/hocuspocus';
import { command } from './lib/loadgen';
import { type ProfileSummary, summariseProfileDir } from './lib/profile';
import { freshDir, setupPurple } from './lib/purpleSetup';
import { LoadRoom, type WindowResult } from './lib/room';
import { type ServerProc, startServer } from './lib/servers';
import { bootstrapMedian, bootstrapRatio, type Estimate } from './lib/stats';

const rooms = new Map<number, LoadRoom>();
let nextRoom = 1;

export const fanoutHandlers = {
  'room.open': command(async (a: { seats: Seat[]; writers: number; lightWriters?: boolean }) => {
    const room = new LoadRoom(a.seats, a.writers, a.lightWriters);
    const handle = nextRoom++;
    rooms.set(handle, room);
    try {
      await room.connect();
    } catch (err) {
      room.close();
      rooms.delete(handle);
      throw err;
    }
    return { handle, connectMs: room.connectMs };
  }),
  'room.drive': command(
    async (a: { handle: number; rate: number; edits: number; drainTimeoutMs?: number }) => {
      const room = rooms.get(a.handle);
      if (!room) throw new Error(`no room ${a.handle}`);
      return room.drive(a.rate, a.edits, a.drainTimeoutMs);
    },
  ),
  'room.close': command(async (a: { handle: number }) => {
    rooms.get(a.handle)?.close();
    rooms.delete(a.handle);
    return null;
  }),
};

export interface FanoutSide {
  p50: Estimate;
  p99: Estimate;
  windows: WindowResult[];
  connectMs: number[];
}

export interface FanoutSize {
  clients: number;
  reference: FanoutSide;
  purple: FanoutSide;
  ratioP50: ReturnType<typeof bootstrapRatio>;
  ratioP99: ReturnType<typeof bootstrapRatio>;
  /** Hocuspocus on SQLite (absent when left out, and in results from before it was added). */
  hocuspocus?: FanoutSide;
  /** Purple ÷ Hocuspocus. */
  ratioP50Hocuspocus?: ReturnType<typeof bootstrapRatio>;
  ratioP99Hocuspocus?: ReturnType<typeof bootstrapRatio>;
}

export interface FanoutResult {
  /** Records on the room's board while measuring (absent in results from before issue 9: 0). */
  boardCards?: number;
  sizes: FanoutSize[];
  profile?: { clients: number; reference: ProfileSummary; purple: ProfileSummary; edits: number };
}

/**
 * One measured run in one room: connect, warm up, measure, disconnect. `server` only
 * gives the CPU time used (the scale-out section passes the sum over its two instances).
 */
export async function oneRun(
  ctx: Ctx,
  server: Pick<ServerProc, 'cpuMs'>,
  seats: Seat[],
  opts: { writers: number; warmup: number; edits: number; rate: number },
): Promise<{
  window: WindowResult & { serverCpu: number; serverCpuMsPerEdit: number };
  connectMs: number;
}> {
  const { handle, connectMs } = await ctx.lg.call<{ handle: number; connectMs: number }>(
    'room.open',
    {
      seats,
      writers: opts.writers,
    },
  );
  try {
    if (opts.warmup > 0)
      await ctx.lg.call('room.drive', { handle, rate: opts.rate, edits: opts.warmup });
    const cpu0 = server.cpuMs();
    const t0 = performance.now();
    const w = await ctx.lg.call<WindowResult>('room.drive', {
      handle,
      rate: opts.rate,
      edits: opts.edits,
    });
    const cpu = server.cpuMs() - cpu0;
    const window = {
      ...w,
      serverCpu: cpu / (performance.now() - t0),
      serverCpuMsPerEdit: cpu / opts.edits,
    };
    return { window, connectMs };
  } finally {
    await ctx.lg.call('room.close', { handle });
  }
}

/**
 * Put the same `cfg.fanoutBoardCards`-record board on a room of each server before it is
 * measured (a no-op when the board is already there: Purple and Hocuspocus keep it on disk,
 * the in-memory reference while it runs). `seat` is the facilitator's on Purple.
 */
async function seedBoard(ctx: Ctx, seat: Seat): Promise<void> {
  const cards = ctx.cfg.fanoutBoardCards;
  if (cards > 0) await ctx.lg.call('board.seed', { seat, cards, filled: true });
}

function side(windows: WindowResult[], connectMs: number[]): FanoutSide {
  return {
    p50: bootstrapMedian(windows.map((w) => w.p50)),
    p99: bootstrapMedian(windows.map((w) => w.p99)),
    windows,
    connectMs,
  };
}

export async function measureFanout(ctx: Ctx): Promise<FanoutResult> {
  const { cfg } = ctx;
  const dataDir = freshDir('purple-bench-fanout-');
  const hocusDir = freshDir('hocuspocus-bench-fanout-');
  ctx.cleanup.push(dataDir, hocusDir);
  const max = Math.max(...cfg.fanoutSizes);
  const workshops = await setupPurple(dataDir, cfg.fanoutSizes);
  const result: FanoutResult = { boardCards: cfg.fanoutBoardCards, sizes: [] };
  const ref = await startServer('ref-mem');
  const purple = await startServer('purple', { dataDir });
  const hocus = cfg.hocuspocus ? await startHocuspocus({ dataDir: hocusDir }) : null;
  const servers = hocus ? [ref, purple, hocus] : [ref, purple];
  const opts = {
    writers: cfg.fanoutWriters,
    warmup: cfg.fanoutWarmup,
    edits: cfg.fanoutEdits,
    rate: cfg.fanoutRate,
  };
  try {
    for (const [si, n] of cfg.fanoutSizes.entries()) {
      const w = workshops[si];
      if (!w) throw new Error('missing workshop');
      const seatsFor = (s: ServerProc): Seat[] => {
        if (s === ref) return Array.from({ length: n }, () => refSeat(ref, `fanout-${n}`));
        if (s === hocus) return Array.from({ length: n }, () => hocuspocusSeat(s, `fanout-${n}`));
        return purpleSeats(purple, w, n);
      };
      for (const s of servers) await seedBoard(ctx, seatsFor(s)[0] as Seat);
      const acc = new Map<ServerProc, { windows: WindowResult[]; connect: number[] }>(
        servers.map((s) => [s, { windows: [], connect: [] }]),
      );
      for (let r = 0; r < cfg.runs; r++) {
        for (const s of interleaveAll(r, servers)) {
          const { window, connectMs } = await oneRun(ctx, s, seatsFor(s), opts);
          acc.get(s)?.windows.push(window);
          acc.get(s)?.connect.push(connectMs);
          ctx.log(
            `fan-out ${n} clients, run ${r + 1}/${cfg.runs}, ${s.kind}: p50 ${window.p50.toFixed(2)} ms, p99 ${window.p99.toFixed(2)} ms (${window.received}/${window.expected}); CPU server ${(window.serverCpu * 100).toFixed(0)} %, load generator ${(window.loadgenCpu * 100).toFixed(0)} %`,
          );
        }
      }
      const none = { windows: [] as WindowResult[], connect: [] as number[] };
      const a = acc.get(ref) ?? none;
      const b = acc.get(purple) ?? none;
      const size: FanoutSize = {
        clients: n,
        reference: side(a.windows, a.connect),
        purple: side(b.windows, b.connect),
        ratioP50: bootstrapRatio(
          b.windows.map((x) => x.p50),
          a.windows.map((x) => x.p50),
        ),
        ratioP99: bootstrapRatio(
          b.windows.map((x) => x.p99),
          a.windows.map((x) => x.p99),
        ),
      };
      const h = hocus ? acc.get(hocus) : undefined;
      if (h) {
        size.hocuspocus = side(h.windows, h.connect);
        size.ratioP50Hocuspocus = bootstrapRatio(
          b.windows.map((x) => x.p50),
          h.windows.map((x) => x.p50),
        );
        size.ratioP99Hocuspocus = bootstrapRatio(
          b.windows.map((x) => x.p99),
          h.windows.map((x) => x.p99),
        );
      }
      result.sizes.push(size);
    }
  } finally {
    await ref.stop();
    await purple.stop();
    await hocus?.stop();
  }

  if (cfg.profile) {
    // Profile each server on its own during the largest room, over the same edits.
    const profRoot = freshDir('purple-bench-prof-');
    ctx.cleanup.push(profRoot);
    const summaries: ProfileSummary[] = [];
    const edits = cfg.fanoutEdits * 3;
    for (const kind of ['ref-mem', 'purple'] as const) {
      const dir = path.join(profRoot, kind);
      mkdirSync(dir, { recursive: true });
      const s = await startServer(kind, { dataDir, cpuProfDir: dir });
      try {
        const w = workshops[cfg.fanoutSizes.indexOf(max)];
        if (!w) throw new Error('missing workshop');
        const seats =
          kind === 'ref-mem'
            ? Array.from({ length: max }, () => refSeat(s, `fanout-prof`))
            : purpleSeats(s, w, max);
        await seedBoard(ctx, seats[0] as Seat);
        await oneRun(ctx, s, seats, { ...opts, edits });
      } finally {
        await s.stop();
      }
      summaries.push(summariseProfileDir(dir, edits));
    }
    const [reference, purpleSummary] = summaries;
    if (reference && purpleSummary)
      result.profile = { clients: max, reference, purple: purpleSummary, edits };
  }
  return result;
}
