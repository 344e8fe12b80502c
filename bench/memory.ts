/**
 * 3. Memory: server RSS per idle connected participant, (RSS with N idle − RSS with 0) / N,
 * on a fresh server each run. For Purple a participant is everything the board page opens:
 * the Yjs socket and a socket.io connection, both with the participant's cookie; for the
 * reference one connection. Also RSS per loaded board (boards loaded from disk after a
 * restart, one client each): Purple (SQLite) against the reference with LevelDB.
 */
import { sleep } from './lib/clients';
import { type Ctx, interleave, purpleSeats, refSeat } from './lib/context';
import { freshDir, type PurpleWorkshop, setupPurple } from './lib/purpleSetup';
import { type ServerProc, startServer } from './lib/servers';
import { bootstrapMedian, bootstrapRatio, type Estimate, median } from './lib/stats';

/** Median of a few RSS samples over `ms`, after letting the server settle. */
async function settledRss(s: ServerProc, ms: number): Promise<number> {
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
  /** Bytes per idle participant (Purple) / per connection (reference). */
  reference: Estimate;
  purple: Estimate;
  /** Purple with the Yjs socket only (no socket.io), to show where the memory goes. */
  purpleYjsOnly: Estimate;
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
  const [w, ...boards] = await setupPurple(dataDir, [
    n + 1,
    ...Array.from({ length: cfg.boards }, () => 2),
  ]);
  if (!w) throw new Error('no workshop');
  const per = { ref: [] as number[], purple: [] as number[], purpleYjs: [] as number[] };
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
          ? Array.from({ length: n + 1 }, () => refSeat(s, 'memory'))
          : purpleSeats(s, w, n + 1);
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
      const open = await lg.call<{ handle: number }>('idle.open', {
        seats: seats.slice(1),
        kind: 'light',
        controlBase,
      });
      const rssN = await settledRss(s, cfg.memorySettleMs[1]);
      // Live memory: full GC with everyone connected, then again after they all left.
      const liveN = await s.memoryAfterGc();
      await lg.call('idle.close', open);
      await sleep(cfg.memorySettleMs[1]);
      const live0 = await s.memoryAfterGc();
      const live = (m: NodeJS.MemoryUsage) => m.heapUsed + m.external;
      gcHeap[kind].push((live(liveN) - live(live0)) / n);
      gcRss[kind].push((liveN.rss - rss0) / n);
      per[kind].push((rssN - rss0) / n);
      if (kind !== 'purpleYjs') rest[kind === 'ref' ? 'reference' : 'purple'].push(rss0);
      ctx.log(
        `memory, ${kind}: ${((rssN - rss0) / n / 1024).toFixed(1)} KiB per participant (RSS ${(rss0 / 2 ** 20).toFixed(1)} → ${(rssN / 2 ** 20).toFixed(1)} MiB); live heap ${((live(liveN) - live(live0)) / n / 1024).toFixed(1)} KiB, RSS after GC ${((liveN.rss - rss0) / n / 1024).toFixed(1)} KiB`,
      );
    } finally {
      await s.stop();
    }
  };
  for (let r = 0; r < cfg.memoryRuns; r++) {
    for (const kind of interleave(r, 'ref' as const, 'purple' as const)) await idleRun(kind);
    if (!cfg.quick) await idleRun('purpleYjs');
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
    reference: bootstrapMedian(per.ref),
    purple: bootstrapMedian(per.purple),
    purpleYjsOnly: bootstrapMedian(per.purpleYjs),
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
