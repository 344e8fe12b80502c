/**
 * 6. Reconnect storm: N clients connected to a board, the server is killed (kill -9) and
 * restarted on the same port; the time from "listening again" until every client has
 * synced again (for Purple, and every socket.io connection is back), and the new server
 * process's peak memory meanwhile (VmHWM). Clients back off as y-websocket does (100 ms
 * doubling to 2.5 s). Reference: LevelDB (the in-memory one would come back empty).
 */
import { sleep } from './lib/clients';
import { type Ctx, interleave, purpleSeats, refSeat } from './lib/context';
import { freshDir, setupPurple } from './lib/purpleSetup';
import { type ServerProc, startServer, wallNow } from './lib/servers';
import { bootstrapMedian, type Estimate } from './lib/stats';

export interface StormRun {
  /** Listening again → last client synced (Purple: and its socket.io connection back), ms. */
  allSyncedMs: number;
  /** Purple: listening again → last socket.io connection back, ms. */
  allControlMs: number | null;
  /**
   * kill -9 → last client back (as `allSyncedMs`), ms: what people wait, start-up included. Clients retry at
   * fixed times after they lose the server (100 ms doubling), so a server that listens
   * sooner may wait longer for them from "listening"; this figure has no such artefact.
   */
  fromKillMs?: number;
  ok: boolean;
  peakRss: number;
  rssAfter: number;
}

export interface StormSize {
  clients: number;
  reference: { runs: StormRun[]; allSyncedMs: Estimate; fromKillMs?: Estimate; peakRss: Estimate };
  purple: { runs: StormRun[]; allSyncedMs: Estimate; fromKillMs?: Estimate; peakRss: Estimate };
}

export async function measureReconnect(ctx: Ctx): Promise<{ cards: number; sizes: StormSize[] }> {
  const { cfg, lg } = ctx;
  const dataDir = freshDir('purple-bench-storm-');
  const ldbDir = freshDir('ref-bench-storm-');
  ctx.cleanup.push(dataDir, ldbDir);
  const workshops = await setupPurple(dataDir, cfg.reconnectSizes);
  const sizes: StormSize[] = [];
  for (const [si, n] of cfg.reconnectSizes.entries()) {
    const w = workshops[si];
    if (!w) throw new Error('no workshop');
    const room = `storm-${n}`;
    // Seed each board once.
    for (const kind of ['ref-ldb', 'purple'] as const) {
      const s =
        kind === 'purple'
          ? await startServer('purple', { dataDir })
          : await startServer('ref-ldb', { ldbDir });
      try {
        const seat = kind === 'purple' ? purpleSeats(s, w, 1)[0] : refSeat(s, room);
        await lg.call('board.seed', { seat, cards: cfg.reconnectCards });
      } finally {
        await s.stop();
      }
    }
    const runs = { 'ref-ldb': [] as StormRun[], purple: [] as StormRun[] };
    for (let r = 0; r < cfg.reconnectRuns; r++) {
      for (const kind of interleave(r, 'ref-ldb' as const, 'purple' as const)) {
        const start = (port?: number): Promise<ServerProc> =>
          kind === 'purple'
            ? startServer('purple', { dataDir, port })
            : startServer('ref-ldb', { ldbDir, port });
        const first = await start();
        const seats =
          kind === 'purple'
            ? purpleSeats(first, w, n)
            : Array.from({ length: n }, () => refSeat(first, room));
        const { handle } = await lg.call<{ handle: number }>('idle.open', {
          seats,
          kind: 'light',
          controlBase: kind === 'purple' ? first.httpUrl : undefined,
          reconnect: true,
        });
        await sleep(500);
        const killedAt = wallNow();
        await first.kill9();
        const again = await start(first.port);
        let peak = again.hwm();
        const sampler = setInterval(() => {
          peak = Math.max(peak, again.hwm());
        }, 50);
        const res = await lg.call<{
          ok: boolean;
          lastSyncedAt: number;
          lastControlAt: number | null;
        }>('idle.resynced', {
          handle,
          minSyncs: 2,
          timeoutMs: 60_000,
        });
        clearInterval(sampler);
        peak = Math.max(peak, again.hwm());
        // Back means synced and, for Purple, its socket.io connection open again too.
        const backAt = Math.max(res.lastSyncedAt, res.lastControlAt ?? 0);
        const run: StormRun = {
          allSyncedMs: backAt - again.readyAt,
          allControlMs: res.lastControlAt === null ? null : res.lastControlAt - again.readyAt,
          fromKillMs: backAt - killedAt,
          ok: res.ok,
          peakRss: peak,
          rssAfter: again.rss(),
        };
        runs[kind].push(run);
        ctx.log(
          `reconnect storm ${n} clients, run ${r + 1}/${cfg.reconnectRuns}, ${kind}: all synced after ${run.allSyncedMs.toFixed(0)} ms${run.ok ? '' : ' (NOT all)'} (${(run.fromKillMs ?? 0).toFixed(0)} ms after the kill), listening ${(again.readyAt - killedAt).toFixed(0)} ms after the kill, peak RSS ${(peak / 2 ** 20).toFixed(1)} MiB`,
        );
        await lg.call('idle.close', { handle });
        await again.stop();
      }
    }
    const est = (xs: StormRun[]) => ({
      runs: xs,
      allSyncedMs: bootstrapMedian(xs.map((x) => x.allSyncedMs)),
      fromKillMs: bootstrapMedian(xs.map((x) => x.fromKillMs ?? Number.NaN)),
      peakRss: bootstrapMedian(xs.map((x) => x.peakRss)),
    });
    sizes.push({ clients: n, reference: est(runs['ref-ldb']), purple: est(runs.purple) });
  }
  return { cards: cfg.reconnectCards, sizes };
}
