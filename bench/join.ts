/**
 * 4. Joining a large board: the same 2,000-card document (identical Yjs content) on each
 * server; a real WebsocketProvider times connect → 'sync' and connect → every card present,
 * and records how many cards it held at its 'sync' event. Cold: the server was just
 * restarted, so the board is on disk only (Purple: SQLite; reference: LevelDB — the
 * in-memory reference cannot be cold). Warm: the board is in memory (another client holds
 * it): Purple against both references. For comparison, Hocuspocus on its SQLite extension
 * (its own HocuspocusProvider joins): cold from its SQLite file, and warm.
 */
import type { JoinResult } from './lib/board';
import type { Seat } from './lib/clients';
import { type Ctx, interleaveAll, purpleSeats, refSeat } from './lib/context';
import { hocuspocusSeat, startHocuspocus } from './lib/hocuspocus';
import { freshDir, setupPurple } from './lib/purpleSetup';
import { type ServerProc, startServer } from './lib/servers';
import { bootstrapMedian, bootstrapRatio, type Estimate } from './lib/stats';

type Kind = 'ref-ldb' | 'purple' | 'ref-mem' | 'hocuspocus';

export interface JoinSide {
  cold?: JoinResult[];
  warm: JoinResult[];
  coldContentMs?: Estimate;
  warmContentMs: Estimate;
  coldSyncMs?: Estimate;
  warmSyncMs: Estimate;
  /** Joins whose 'sync' fired before every card was there. */
  syncedBeforeContent: number;
  joins: number;
}

export interface JoinResultSet {
  cards: number;
  bytes: number;
  purple: JoinSide;
  referenceLevelDb: JoinSide;
  referenceMemory: JoinSide;
  /** Purple ÷ reference on connect → content: cold vs LevelDB, warm vs in-memory. */
  ratioCold: ReturnType<typeof bootstrapRatio>;
  ratioWarm: ReturnType<typeof bootstrapRatio>;
  /** Hocuspocus on SQLite (absent when left out, and in results from before it was added). */
  hocuspocus?: JoinSide;
  /** Purple ÷ Hocuspocus on connect → content: cold (both from SQLite) and warm. */
  ratioColdHocuspocus?: ReturnType<typeof bootstrapRatio>;
  ratioWarmHocuspocus?: ReturnType<typeof bootstrapRatio>;
}

const content = (xs: JoinResult[]) => xs.map((x) => x.contentMs ?? Number.NaN);
const synced = (xs: JoinResult[]) => xs.map((x) => x.syncMs ?? Number.NaN);

function sideOf(cards: number, warm: JoinResult[], cold?: JoinResult[]): JoinSide {
  const all = [...warm, ...(cold ?? [])];
  return {
    cold,
    warm,
    coldContentMs: cold ? bootstrapMedian(content(cold)) : undefined,
    warmContentMs: bootstrapMedian(content(warm)),
    coldSyncMs: cold ? bootstrapMedian(synced(cold)) : undefined,
    warmSyncMs: bootstrapMedian(synced(warm)),
    syncedBeforeContent: all.filter((j) => j.cardsAtSync < cards).length,
    joins: all.length,
  };
}

export async function measureJoin(ctx: Ctx): Promise<JoinResultSet> {
  const { cfg, lg } = ctx;
  const cards = cfg.joinCards;
  const dataDir = freshDir('purple-bench-join-');
  const ldbDir = freshDir('ref-bench-join-');
  const hocusDir = freshDir('hocuspocus-bench-join-');
  ctx.cleanup.push(dataDir, ldbDir, hocusDir);
  const [w] = await setupPurple(dataDir, [4]);
  if (!w) throw new Error('no workshop');
  const start = (kind: Kind): Promise<ServerProc> => {
    if (kind === 'purple') return startServer('purple', { dataDir });
    if (kind === 'hocuspocus') return startHocuspocus({ dataDir: hocusDir });
    return startServer(kind, { ldbDir });
  };
  // Seats: 0 seeds, 1 holds the board in memory, 2 joins.
  const seat = (kind: Kind, s: ServerProc, i: number): Seat => {
    if (kind === 'purple') return purpleSeats(s, w, 4)[i] as Seat;
    if (kind === 'hocuspocus') return hocuspocusSeat(s, 'big-board');
    return refSeat(s, 'big-board');
  };
  const timeoutMs = 60_000;
  const onDisk: ('ref-ldb' | 'purple' | 'hocuspocus')[] = cfg.hocuspocus
    ? ['ref-ldb', 'purple', 'hocuspocus']
    : ['ref-ldb', 'purple'];

  // Seed the same content into the reference's LevelDB, Purple's and Hocuspocus's SQLite.
  let bytes = 0;
  for (const kind of onDisk) {
    const s = await start(kind);
    try {
      const r = await lg.call<{ bytes: number }>('board.seed', {
        seat: seat(kind, s, 0),
        cards,
        filled: true,
      });
      bytes = r.bytes || bytes;
    } finally {
      await s.stop();
    }
  }

  const cold = {
    'ref-ldb': [] as JoinResult[],
    purple: [] as JoinResult[],
    hocuspocus: [] as JoinResult[],
  };
  const warm = {
    'ref-ldb': [] as JoinResult[],
    purple: [] as JoinResult[],
    'ref-mem': [] as JoinResult[],
    hocuspocus: [] as JoinResult[],
  };
  for (let r = 0; r < cfg.joinRuns; r++) {
    for (const kind of interleaveAll(r, onDisk)) {
      const s = await start(kind);
      try {
        const c = await lg.call<JoinResult & { holder: number }>('board.join', {
          seat: seat(kind, s, 1),
          cards,
          timeoutMs,
          hold: true,
        });
        cold[kind].push(c);
        const wj = await lg.call<JoinResult>('board.join', {
          seat: seat(kind, s, 2),
          cards,
          timeoutMs,
        });
        warm[kind].push(wj);
        await lg.call('board.release', { holder: c.holder });
        ctx.log(
          `join ${cards} cards, run ${r + 1}/${cfg.joinRuns}, ${kind}: cold ${c.contentMs?.toFixed(1)} ms (${c.cardsAtSync} cards at sync), warm ${wj.contentMs?.toFixed(1)} ms (${wj.cardsAtSync} at sync)`,
        );
      } finally {
        await s.stop();
      }
    }
  }
  // The in-memory reference: seed once, hold, join warm.
  const mem = await startServer('ref-mem');
  try {
    await lg.call('board.seed', { seat: refSeat(mem, 'big-board'), cards, filled: true });
    const holder = await lg.call<JoinResult & { holder: number }>('board.join', {
      seat: refSeat(mem, 'big-board'),
      cards,
      timeoutMs,
      hold: true,
    });
    for (let r = 0; r < cfg.joinRuns; r++) {
      warm['ref-mem'].push(
        await lg.call<JoinResult>('board.join', {
          seat: refSeat(mem, 'big-board'),
          cards,
          timeoutMs,
        }),
      );
    }
    await lg.call('board.release', { holder: holder.holder });
  } finally {
    await mem.stop();
  }
  const result: JoinResultSet = {
    cards,
    bytes,
    purple: sideOf(cards, warm.purple, cold.purple),
    referenceLevelDb: sideOf(cards, warm['ref-ldb'], cold['ref-ldb']),
    referenceMemory: sideOf(cards, warm['ref-mem']),
    ratioCold: bootstrapRatio(content(cold.purple), content(cold['ref-ldb'])),
    ratioWarm: bootstrapRatio(content(warm.purple), content(warm['ref-mem'])),
  };
  if (cfg.hocuspocus) {
    result.hocuspocus = sideOf(cards, warm.hocuspocus, cold.hocuspocus);
    result.ratioColdHocuspocus = bootstrapRatio(content(cold.purple), content(cold.hocuspocus));
    result.ratioWarmHocuspocus = bootstrapRatio(content(warm.purple), content(warm.hocuspocus));
  }
  return result;
}
