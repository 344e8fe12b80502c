/**
 * 5. Durability: K trials of `kill -9` right after a burst of edits that another client has
 * observed, then a restart and a count of the seen edits that were lost — for the
 * reference with LevelDB and for Purple (SQLite), interleaved.
 */
import { createCard, readBoard } from '../lib/board/doc';
import { ProviderClient, type Seat, sleep, until } from './lib/clients';
import { type Ctx, interleave, purpleSeats, refSeat } from './lib/context';
import { command } from './lib/loadgen';
import { freshDir, setupPurple } from './lib/purpleSetup';
import { withTimeout } from './lib/room';
import { type ServerProc, startServer } from './lib/servers';
import { seededRandom } from './lib/stats';

interface TrialArgs {
  writer: Seat;
  watcher: Seat;
  pid: number;
  burst: number;
  killAfter: number;
}

/** Load-generator side of one trial: returns the cards the watcher had seen at the kill. */
async function trial(a: TrialArgs): Promise<{ seen: [string, string][]; killed: boolean }> {
  const writer = new ProviderClient(a.writer, { awareness: false });
  const watcher = new ProviderClient(a.watcher, { awareness: false });
  try {
    await withTimeout(Promise.all([writer.synced, watcher.synced]), 30_000, 'both clients to sync');
    const before = readBoard(watcher.doc).length;
    let killed = false;
    const seen = new Map<string, string>();
    const onUpdate = () => {
      if (killed) return;
      const cards = readBoard(watcher.doc);
      if (cards.length - before >= a.killAfter) {
        process.kill(a.pid, 'SIGKILL');
        killed = true;
        for (const c of cards) seen.set(c.id, c.text);
      }
    };
    watcher.doc.on('update', onUpdate);
    for (let i = 0; i < a.burst; i++) createCard(writer.doc, 'priorities', `burst edit ${i}`);
    try {
      await until('the watcher to see the burst', () => killed, 15_000, 1);
    } catch {
      // The watcher never saw enough: kill anyway, with what it saw.
      for (const c of readBoard(watcher.doc)) seen.set(c.id, c.text);
      process.kill(a.pid, 'SIGKILL');
    }
    return { seen: [...seen], killed };
  } finally {
    writer.destroy();
    watcher.destroy();
  }
}

/** Read the board after a restart; waits for it to stop changing (the reference may sync before loading). */
async function read(a: { seat: Seat; quietMs: number }): Promise<{ cards: [string, string][] }> {
  const client = new ProviderClient(a.seat, { awareness: false });
  try {
    await withTimeout(client.synced, 30_000, 'the reader to sync');
    let last = performance.now();
    const touch = () => {
      last = performance.now();
    };
    client.doc.on('update', touch);
    const start = performance.now();
    while (performance.now() - last < a.quietMs && performance.now() - start < 10_000)
      await sleep(20);
    client.doc.off('update', touch);
    return { cards: readBoard(client.doc).map((c) => [c.id, c.text]) };
  } finally {
    client.destroy();
  }
}

export const durabilityHandlers = {
  'dur.trial': command(trial),
  'dur.read': command(read),
};

export interface DurabilitySide {
  trials: number;
  /** Trials in which at least one seen edit was lost. */
  trialsWithLoss: number;
  seenTotal: number;
  lostTotal: number;
  perTrial: { killAfter: number; seen: number; lost: number }[];
}

export interface DurabilityResult {
  burst: number;
  reference: DurabilitySide;
  purple: DurabilitySide;
}

export async function measureDurability(ctx: Ctx): Promise<DurabilityResult> {
  const { cfg } = ctx;
  const dataDir = freshDir('purple-bench-dur-');
  const ldbDir = freshDir('ref-bench-dur-');
  ctx.cleanup.push(dataDir, ldbDir);
  const [w] = await setupPurple(dataDir, [2]);
  if (!w) throw new Error('no workshop');
  const rand = seededRandom(4242);
  const empty = (): DurabilitySide => ({
    trials: 0,
    trialsWithLoss: 0,
    seenTotal: 0,
    lostTotal: 0,
    perTrial: [],
  });
  const sides = { ref: empty(), purple: empty() };
  const start = (kind: 'ref' | 'purple'): Promise<ServerProc> =>
    kind === 'ref' ? startServer('ref-ldb', { ldbDir }) : startServer('purple', { dataDir });
  const seats = (kind: 'ref' | 'purple', s: ServerProc): [Seat, Seat] => {
    if (kind === 'ref') return [refSeat(s, 'durability'), refSeat(s, 'durability')];
    const [a, b] = purpleSeats(s, w, 2);
    return [a as Seat, b as Seat];
  };
  for (let t = 0; t < cfg.durabilityTrials; t++) {
    for (const kind of interleave(t, 'ref' as const, 'purple' as const)) {
      const killAfter = 1 + Math.floor(rand() * cfg.durabilityBurst);
      const server = await start(kind);
      const [writer, watcher] = seats(kind, server);
      const { seen } = await ctx.lg.call<{ seen: [string, string][] }>('dur.trial', {
        writer,
        watcher,
        pid: server.pid,
        burst: cfg.durabilityBurst,
        killAfter,
      });
      await server.kill9();
      const again = await start(kind);
      const [, reader] = seats(kind, again);
      const { cards } = await ctx.lg.call<{ cards: [string, string][] }>('dur.read', {
        seat: reader,
        quietMs: cfg.durabilityQuietMs,
      });
      await again.kill9();
      const after = new Map(cards);
      let lost = 0;
      for (const [id, text] of seen) if (after.get(id) !== text) lost++;
      const side = sides[kind];
      side.trials++;
      side.seenTotal += seen.length;
      side.lostTotal += lost;
      if (lost > 0) side.trialsWithLoss++;
      side.perTrial.push({ killAfter, seen: seen.length, lost });
      ctx.log(
        `durability trial ${t + 1}/${cfg.durabilityTrials}, ${kind}: kill after ${killAfter}, seen ${seen.length}, lost ${lost}`,
      );
    }
  }
  return { burst: cfg.durabilityBurst, reference: sides.ref, purple: sides.purple };
}
