/**
 * 3. Memory: server RSS per idle connected participant, on a fresh server each run, as the
 * marginal cost: (RSS with N idle − RSS with N/2 idle) / (N/2). The first N/2 participants
 * absorb what a server pays once, not per participant: V8 growing its young generation
 * (4 → 8 MiB in the reference between its first and its 500th connection, 8 KiB of its old
 * 19.5 KiB per connection) and compiling hot code, whose transient native memory Purple gave
 * back at an unpredictable moment (16 MiB between 500 and 1,000 participants in one probe). The
 * figure from zero, (RSS with N − RSS with 0) / N, is reported beside it.
 * Participants sit in workshops of 50 (one Yjs room each), as on a server hosting many
 * workshops. For Purple a participant is everything the board page opens: the Yjs socket and a
 * socket.io connection, both with the participant's cookie; for the reference one
 * connection. Also RSS per loaded board (boards loaded from disk after a restart, one
 * client each): Purple (SQLite) against the reference with LevelDB.
 */
import { sleep } from './lib/clients';
import { type Ctx, interleave, purpleSeats, refSeat } from './lib/context';
import { freshDir, type PurpleWorkshop, setupPurple } from './lib/purpleSetup';
import { type ServerProc, startServer } from './lib/servers';
import { bootstrapMedian, bootstrapRatio, type Estimate, median } from './lib/stats';

/**
 * Wait until the server is idle: under 5 % of a core over half a second (a join storm in one
 * big room keeps Purple sending presence for several seconds), or 60 s.
 */
async function untilIdle(s: ServerProc): Promise<void> {
  const start = Date.now();
  let cpu = s.cpuMs();
  while (Date.now() - start < 60_000) {
    await sleep(500);
    const now = s.cpuMs();
    if (now - cpu < 25) return;
    cpu = now;
  }
}

/** Median of a few RSS samples over `ms`, after the server is idle and has settled. */
async function settledRss(s: ServerProc, ms: number): Promise<number> {
  await untilIdle(s);
  await sleep(ms);
  const xs: number[] = [];
  for (let i = 0; i < 5; i++) {
    xs.push(s.rss());
    await sleep(100);
  }
  return median(xs);
}

export interface MemoryResult {
  participants: number;
  /** Idle participants per workshop (room). */
  roomSize?: number;
  /** Marginal bytes per idle participant (Purple) / per connection (reference), N/2 → N. */
  reference: Estimate;
  purple: Estimate;
  /** Purple with the Yjs socket only (no socket.io), to show where the memory goes. */
  purpleYjsOnly: Estimate;
  /** The same from zero: (RSS with N − RSS with 0) / N. */
  fromZero?: {
    reference: Estimate;
    purple: Estimate;
    purpleYjsOnly: Estimate;
    ratio: ReturnType<typeof bootstrapRatio>;
  };
  /**
   * The same after a forced full GC (bench/lib/gcProbe.mjs): live heap + external per
   * participant (connected − after they left), and RSS after GC − RSS with 0.
   */
  afterGc: {
    liveHeap: { reference: Estimate; purple: Estimate; purpleYjsOnly: Estimate };
    rss: { reference: Estimate; purple: Estimate; purpleYjsOnly: Estimate };
  };
  ratio: ReturnType<typeof bootstrapRatio>;
  boards: {
    count: number;
    cards: number;
    /** Bytes per loaded board, one client on each (its connection included). */
    referenceLevelDb: Estimate;
    purple: Estimate;
    ratio: ReturnType<typeof bootstrapRatio>;
  };
  rssAtRest: { reference: number[]; purple: number[] };
}

export async function measureMemory(ctx: Ctx): Promise<MemoryResult> {
  const { cfg, lg } = ctx;
  const n = cfg.memoryN;
  const dataDir = freshDir('purple-bench-mem-');
  const ldbDir = freshDir('ref-bench-mem-');
  ctx.cleanup.push(dataDir, ldbDir);
  // Idle participants sit in workshops of `memoryRoomSize`, as on a server hosting many
  // workshops; one big room would measure its join storm (every join tells everyone).
  const roomSize = Math.min(cfg.memoryRoomSize, n);
  const roomCount = Math.ceil(n / roomSize);
  const all = await setupPurple(dataDir, [
    1,
    ...Array.from({ length: roomCount }, () => roomSize),
    ...Array.from({ length: cfg.boards }, () => 2),
  ]);
  const w = all[0];
  const idleWorkshops = all.slice(1, 1 + roomCount);
  const boards = all.slice(1 + roomCount);
  if (!w) throw new Error('no workshop');
  const per = { ref: [] as number[], purple: [] as number[], purpleYjs: [] as number[] };
  const zero = { ref: [] as number[], purple: [] as number[], purpleYjs: [] as number[] };
  const half = Math.floor(n / 2);
  // After a forced full GC (bench/lib/gcProbe.mjs): RSS and live heap per participant.
  const gcRss = { ref: [] as number[], purple: [] as number[], purpleYjs: [] as number[] };
  const gcHeap = { ref: [] as number[], purple: [] as number[], purpleYjs: [] as number[] };
  const rest = { reference: [] as number[], purple: [] as number[] };

  const idleRun = async (kind: 'ref' | 'purple' | 'purpleYjs') => {
    const s =
      kind === 'ref'
        ? await startServer('ref-mem', { gcProbe: true })
        : await startServer('purple', { dataDir, gcProbe: true });
    try {
      const seats =
        kind === 'ref'
          ? [
              refSeat(s, 'memory-warm'),
              ...Array.from({ length: n }, (_, i) =>
                refSeat(s, `memory-${Math.floor(i / roomSize)}`),
              ),
            ]
          : [
              ...purpleSeats(s, w, 1),
              ...idleWorkshops.flatMap((iw) => purpleSeats(s, iw, roomSize)).slice(0, n),
            ];
      // purpleYjs: the Yjs socket alone, to split Purple's figure between its two channels.
      const controlBase = kind === 'purple' ? s.httpUrl : undefined;
      // Load the board and warm the code paths with one participant, then leave.
      const warm = await lg.call<{ handle: number }>('idle.open', {
        seats: seats.slice(0, 1),
        kind: 'light',
        controlBase,
      });
      await lg.call('idle.close', warm);
      const rss0 = await settledRss(s, cfg.memorySettleMs[0]);
      const first = await lg.call<{ handle: number }>('idle.open', {
        seats: seats.slice(1, half + 1),
        kind: 'light',
        controlBase,
      });
      const rssHalf = await settledRss(s, cfg.memorySettleMs[1]);
      const second = await lg.call<{ handle: number }>('idle.open', {
        seats: seats.slice(half + 1),
        kind: 'light',
        controlBase,
      });
      const rssN = await settledRss(s, cfg.memorySettleMs[1]);
      // Live memory: full GC with everyone connected, then again after they all left.
      const liveN = await s.memoryAfterGc();
      await lg.call('idle.close', second);
      await lg.call('idle.close', first);
      await untilIdle(s);
      await sleep(cfg.memorySettleMs[1]);
      const live0 = await s.memoryAfterGc();
      const live = (m: NodeJS.MemoryUsage) => m.heapUsed + m.external;
      gcHeap[kind].push((live(liveN) - live(live0)) / n);
      gcRss[kind].push((liveN.rss - rss0) / n);
      per[kind].push((rssN - rssHalf) / (n - half));
      zero[kind].push((rssN - rss0) / n);
      if (kind !== 'purpleYjs') rest[kind === 'ref' ? 'reference' : 'purple'].push(rss0);
      const mib = (b: number) => (b / 2 ** 20).toFixed(1);
      ctx.log(
        `memory, ${kind}: ${((rssN - rssHalf) / (n - half) / 1024).toFixed(1)} KiB per participant from ${half} to ${n}, ${((rssN - rss0) / n / 1024).toFixed(1)} from 0 (RSS ${mib(rss0)} → ${mib(rssHalf)} → ${mib(rssN)} MiB); live heap ${((live(liveN) - live(live0)) / n / 1024).toFixed(1)} KiB, RSS after GC ${((liveN.rss - rss0) / n / 1024).toFixed(1)} KiB`,
      );
    } finally {
      await s.stop();
    }
  };
  for (let r = 0; r < cfg.memoryRuns; r++) {
    for (const kind of interleave(r, 'ref' as const, 'purple' as const)) await idleRun(kind);
    // The Yjs-only split is for diagnosis; three runs are enough to tell where memory goes.
    if (!cfg.quick && r < 3) await idleRun('purpleYjs');
  }

  // Per loaded board: seed every board once, then load them all on a fresh process.
  const seedServers = async () => {
    const ref = await startServer('ref-ldb', { ldbDir });
    const purple = await startServer('purple', { dataDir });
    try {
      for (let b = 0; b < cfg.boards; b++) {
        const pw = boards[b] as PurpleWorkshop;
        await lg.call('board.seed', { seat: refSeat(ref, `board-${b}`), cards: cfg.boardCards });
        await lg.call('board.seed', { seat: purpleSeats(purple, pw, 1)[0], cards: cfg.boardCards });
      }
    } finally {
      await ref.stop();
      await purple.stop();
    }
  };
  await seedServers();
  const perBoard = { ref: [] as number[], purple: [] as number[] };
  const boardRun = async (kind: 'ref' | 'purple') => {
    const s =
      kind === 'ref'
        ? await startServer('ref-ldb', { ldbDir })
        : await startServer('purple', { dataDir });
    try {
      // Warm the code paths on a board that is not counted (the big idle workshop's room).
      const warmSeat = kind === 'ref' ? refSeat(s, 'warm') : purpleSeats(s, w, 1)[0];
      const warm = await lg.call<{ handle: number }>('idle.open', {
        seats: [warmSeat],
        kind: 'light',
      });
      const rss0 = await settledRss(s, cfg.memorySettleMs[0]);
      const seats = boards.map((pw, b) =>
        kind === 'ref' ? refSeat(s, `board-${b}`) : purpleSeats(s, pw, 2)[1],
      );
      const open = await lg.call<{ handle: number }>('idle.open', { seats, kind: 'provider' });
      const rssB = await settledRss(s, cfg.memorySettleMs[1]);
      await lg.call('idle.close', open);
      await lg.call('idle.close', warm);
      perBoard[kind].push((rssB - rss0) / cfg.boards);
      ctx.log(`memory per board, ${kind}: ${((rssB - rss0) / cfg.boards / 1024).toFixed(1)} KiB`);
    } finally {
      await s.stop();
    }
  };
  for (let r = 0; r < cfg.memoryRuns; r++) {
    for (const kind of interleave(r, 'ref' as const, 'purple' as const)) await boardRun(kind);
  }
  return {
    participants: n,
    roomSize,
    reference: bootstrapMedian(per.ref),
    purple: bootstrapMedian(per.purple),
    purpleYjsOnly: bootstrapMedian(per.purpleYjs),
    fromZero: {
      reference: bootstrapMedian(zero.ref),
      purple: bootstrapMedian(zero.purple),
      purpleYjsOnly: bootstrapMedian(zero.purpleYjs),
      ratio: bootstrapRatio(zero.purple, zero.ref),
    },
    afterGc: {
      liveHeap: {
        reference: bootstrapMedian(gcHeap.ref),
        purple: bootstrapMedian(gcHeap.purple),
        purpleYjsOnly: bootstrapMedian(gcHeap.purpleYjs),
      },
      rss: {
        reference: bootstrapMedian(gcRss.ref),
        purple: bootstrapMedian(gcRss.purple),
        purpleYjsOnly: bootstrapMedian(gcRss.purpleYjs),
      },
    },
    ratio: bootstrapRatio(per.purple, per.ref),
    boards: {
      count: cfg.boards,
      cards: cfg.boardCards,
      referenceLevelDb: bootstrapMedian(perBoard.ref),
      purple: bootstrapMedian(perBoard.purple),
      ratio: bootstrapRatio(perBoard.purple, perBoard.ref),
    },
    rssAtRest: rest,
  };
}
