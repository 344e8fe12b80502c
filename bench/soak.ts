/**
 * 9. Soak: a workshop hour compressed. Many short sessions, each one participant opening
 * the board (Yjs + socket.io, as the board page does), adding a card and typing into it,
 * waiting until the server says it stored the edit, then leaving, with several sessions at
 * once. Sessions go through the workshops in turn (a workshop's people, then the next's),
 * and idle boards unload after 2 s, so every board is loaded, used, left and unloaded again
 * many times. The server's RSS and its live heap after a forced full GC are sampled
 * throughout; after the warm-up (the first quarter) memory should stay flat: the door's
 * counters, the rooms, presence and socket.io must give back what each session took. (The
 * boards themselves grow on disk, one card per session; only a few are loaded at a time.)
 */
import * as Y from 'yjs';
import { applyTextEdit, cardText, createCard } from '../lib/board/doc';
import { connectControl, ProviderClient, type Seat, sleep, until } from './lib/clients';
import { type Ctx, purpleSeats } from './lib/context';
import { command } from './lib/loadgen';
import { freshDir, setupPurple } from './lib/purpleSetup';
import { withTimeout } from './lib/room';
import { startServer } from './lib/servers';

export interface SoakSample {
  /** Seconds since the soak started. */
  t: number;
  sessions: number;
  rssMiB: number;
  /** heapUsed + external after a forced full GC. */
  liveMiB: number;
}

export interface SoakResult {
  durationS: number;
  workshops: number;
  participants: number;
  concurrency: number;
  sessions: number;
  failedSessions: number;
  samples: SoakSample[];
  /** Change from the first sample after warm-up to the last, and the peak in between. */
  afterWarmup: { rssDeltaMiB: number; liveDeltaMiB: number; livePeakMiB: number };
  /**
   * Live heap with nobody connected and every board unloaded, after the warm-up and at the
   * end: what sessions leave behind, per 1,000 sessions in between (a leak shows here).
   */
  atRest: { afterWarmupMiB: number; atEndMiB: number; kiBPer1000Sessions: number };
  /** Least-squares slope of live memory after warm-up, KiB per 1,000 sessions (boards included). */
  liveSlopeKiBPer1000Sessions: number;
}

/** Load-generator side: one short session (join, add a card, type, stored, leave). */
async function session(a: { seat: Seat; httpBase: string; edits: number }): Promise<boolean> {
  const doc = new Y.Doc();
  const client = new ProviderClient(a.seat, {}, doc);
  const control = connectControl(a.seat, a.httpBase);
  try {
    await withTimeout(client.synced, 20_000, 'a soak session to sync');
    const id = createCard(doc, 'context', '');
    for (let i = 0; i < a.edits; i++) {
      applyTextEdit(doc, id, `${cardText(doc, id)?.toString() ?? ''}word${i} `);
      await sleep(5);
    }
    const clock = Y.getState(doc.store, doc.clientID);
    await until('the edits to be stored', () => client.acked >= clock, 20_000);
    return true;
  } catch {
    return false;
  } finally {
    control.close();
    client.destroy();
  }
}

export const soakHandlers = { 'soak.session': command(session) };

function slope(xs: number[], ys: number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += ((xs[i] ?? 0) - mx) * ((ys[i] ?? 0) - my);
    den += ((xs[i] ?? 0) - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

const MiB = 2 ** 20;
/** Unload a board this long after its last session left. */
const IDLE_MS = 2000;

export async function measureSoak(ctx: Ctx): Promise<SoakResult> {
  const { cfg, lg } = ctx;
  const dataDir = freshDir('purple-bench-soak-');
  ctx.cleanup.push(dataDir);
  const workshops = await setupPurple(
    dataDir,
    Array.from({ length: cfg.soakWorkshops }, () => cfg.soakPeople),
  );
  const server = await startServer('purple', {
    dataDir,
    gcProbe: true,
    env: { ROOM_IDLE_MS: String(IDLE_MS) },
  });
  const seats = workshops.flatMap((w) => purpleSeats(server, w, cfg.soakPeople));
  const samples: SoakSample[] = [];
  let sessions = 0;
  let failed = 0;
  const started = Date.now();
  const elapsed = () => (Date.now() - started) / 1000;
  const sample = async () => {
    const m = await server.memoryAfterGc();
    samples.push({
      t: Math.round(elapsed()),
      sessions,
      rssMiB: server.rss() / MiB,
      liveMiB: (m.heapUsed + m.external) / MiB,
    });
  };
  let next = 0;
  /** Run sessions until `until` seconds, sampling as they go. */
  const phase = async (until: number) => {
    const worker = async () => {
      while (elapsed() < until) {
        const seat = seats[next++ % seats.length] as Seat;
        const ok = await lg.call<boolean>('soak.session', {
          seat,
          httpBase: server.httpUrl,
          edits: cfg.soakEdits,
        });
        if (ok) sessions++;
        else failed++;
      }
    };
    const sampler = async () => {
      while (elapsed() < until) {
        await sleep(cfg.soakSampleSeconds * 1000);
        await sample();
        const last = samples[samples.length - 1];
        ctx.log(
          `soak ${last?.t} s: ${sessions} sessions, RSS ${last?.rssMiB.toFixed(1)} MiB, live ${last?.liveMiB.toFixed(1)} MiB`,
        );
      }
    };
    await Promise.all([sampler(), ...Array.from({ length: cfg.soakConcurrency }, worker)]);
  };
  /** With nobody connected and every board unloaded: what the server holds for itself. */
  const atRest = async () => {
    await sleep(IDLE_MS * 2 + 500);
    await sample();
    return { sessions, liveMiB: samples[samples.length - 1]?.liveMiB ?? 0 };
  };
  let restA = { sessions: 0, liveMiB: 0 };
  let restB = { sessions: 0, liveMiB: 0 };
  try {
    await sample();
    await phase(cfg.soakSeconds / 4);
    restA = await atRest();
    await phase(cfg.soakSeconds);
    restB = await atRest();
  } finally {
    await server.stop();
  }
  const warm = samples.filter((s) => s.t >= cfg.soakSeconds / 4);
  const first = warm[0] ?? samples[0];
  const last = samples[samples.length - 1];
  return {
    durationS: cfg.soakSeconds,
    workshops: cfg.soakWorkshops,
    participants: seats.length,
    concurrency: cfg.soakConcurrency,
    sessions,
    failedSessions: failed,
    samples,
    afterWarmup: {
      rssDeltaMiB: (last?.rssMiB ?? 0) - (first?.rssMiB ?? 0),
      liveDeltaMiB: (last?.liveMiB ?? 0) - (first?.liveMiB ?? 0),
      livePeakMiB: Math.max(...warm.map((s) => s.liveMiB)),
    },
    atRest: {
      afterWarmupMiB: restA.liveMiB,
      atEndMiB: restB.liveMiB,
      kiBPer1000Sessions:
        ((restB.liveMiB - restA.liveMiB) * 1024 * 1000) /
        Math.max(1, restB.sessions - restA.sessions),
    },
    liveSlopeKiBPer1000Sessions:
      slope(
        warm.map((s) => s.sessions),
        warm.map((s) => s.liveMiB * 1024),
      ) * 1000,
  };
}
