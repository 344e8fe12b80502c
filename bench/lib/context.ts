/**
 * What every measurement gets: the run's settings (full or quick), the load generator,
 * a temp folder, a logger, and the helpers to make seats on each server.
 */
import { rmSync } from 'node:fs';
import type { Seat } from './clients';
import type { LoadGen } from './loadgen';
import type { PurpleWorkshop } from './purpleSetup';
import type { ServerProc } from './servers';

export interface BenchConfig {
  quick: boolean;
  /** Interleaved A/B runs per server for fan-out, memory and joins. */
  runs: number;
  fanoutSizes: number[];
  fanoutWriters: number;
  fanoutEdits: number;
  fanoutWarmup: number;
  /** Total edits per second across the writers. */
  fanoutRate: number;
  /**
   * Records already on the fan-out room's board (a quarter per section, decisions and
   * indicators filled in and linked), the same Yjs state on both servers; 0 for an empty room.
   */
  fanoutBoardCards: number;
  throughputClients: number;
  throughputWriters: number;
  throughputRates: number[];
  throughputWindowMs: number;
  throughputRuns: number;
  memoryN: number;
  /** Idle participants per workshop in the memory measurement. */
  memoryRoomSize: number;
  memoryRuns: number;
  /** Wait before sampling RSS at rest / with everyone connected. */
  memorySettleMs: [number, number];
  boards: number;
  boardCards: number;
  joinCards: number;
  joinRuns: number;
  durabilityTrials: number;
  durabilityBurst: number;
  /** After a restart, read the board once it has not changed for this long. */
  durabilityQuietMs: number;
  reconnectSizes: number[];
  reconnectRuns: number;
  reconnectCards: number;
  awarenessSizes: number[];
  awarenessSettleMs: number;
  awarenessWindowMs: number;
  browser: boolean;
  browserRuns: number;
  browserCards: number;
  profile: boolean;
  /**
   * Hocuspocus (`@hocuspocus/server` 3.4.4 on its SQLite extension) as a second reference
   * in the fan-out and join sections, and two instances with its Redis extension in every
   * part of the scale-out section but the join, for comparison (`--no-hocuspocus` leaves it out).
   */
  hocuspocus: boolean;
  /** Soak: how long, how many sessions at once, workshops × people, edits per session. */
  soakSeconds: number;
  soakConcurrency: number;
  soakWorkshops: number;
  soakPeople: number;
  soakEdits: number;
  soakSampleSeconds: number;
  /** Scale-out (issue 12): clients in the fan-out and fail-over rooms, over two instances. */
  scaleoutClients: number;
  /** Interleaved fan-out runs per set-up (one SQLite instance, two cluster instances). */
  scaleoutRuns: number;
  scaleoutThroughputRuns: number;
  scaleoutFailoverRuns: number;
  scaleoutJoinRuns: number;
  /**
   * CPUs of the two cluster instances: [0, 0] (default: the one instance's budget) or, to
   * see what a second core changes, [0, 1] (the second shares the load generator's core).
   */
  scaleoutCpus?: [number, number];
  /** Only these parts (fanout, throughput, failover, join); all when absent. */
  scaleoutParts?: string[];
}

export const FULL: BenchConfig = {
  quick: false,
  // Fan-out p50 ratios sit near their 1.1× limit, where ten runs gave 95 % intervals about
  // ±0.1 wide; twenty runs narrow them by about a third (a full run takes about 27 minutes).
  runs: 20,
  fanoutSizes: [50, 200, 500],
  fanoutWriters: 4,
  fanoutEdits: 100,
  fanoutWarmup: 20,
  fanoutRate: 20,
  // Issue 9: fan-out is measured on a board the size the join measures, not an empty room.
  fanoutBoardCards: 2000,
  throughputClients: 50,
  // Purple admits 200 messages/s per connection (I13): 32 writers allow up to 6,400/s.
  throughputWriters: 32,
  throughputRates: [25, 100, 400, 800, 1600, 3200, 6400],
  throughputWindowMs: 3000,
  throughputRuns: 3,
  memoryN: 2000,
  memoryRoomSize: 50,
  memoryRuns: 6,
  memorySettleMs: [1000, 2000],
  boards: 20,
  boardCards: 200,
  joinCards: 2000,
  joinRuns: 10,
  durabilityTrials: 20,
  durabilityBurst: 60,
  durabilityQuietMs: 1500,
  reconnectSizes: [200, 500],
  reconnectRuns: 3,
  reconnectCards: 200,
  awarenessSizes: [50, 200],
  awarenessSettleMs: 5000,
  awarenessWindowMs: 30_000,
  browser: true,
  browserRuns: 3,
  browserCards: 2000,
  profile: true,
  hocuspocus: true,
  // About 4 minutes: more short sessions than a busy workshop hour has (bench/soak.ts).
  soakSeconds: 240,
  soakConcurrency: 8,
  soakWorkshops: 40,
  soakPeople: 10,
  soakEdits: 10,
  soakSampleSeconds: 10,
  scaleoutClients: 500,
  // Six interleaved runs per set-up: a 500-client run takes 30–45 s on two loaded cores
  // (connecting, warm-up, 100 edits, the two-instance queue draining).
  scaleoutRuns: 6,
  scaleoutThroughputRuns: 2,
  scaleoutFailoverRuns: 3,
  scaleoutJoinRuns: 6,
};

export const QUICK: BenchConfig = {
  quick: true,
  runs: 2,
  fanoutSizes: [20],
  fanoutWriters: 2,
  fanoutEdits: 20,
  fanoutWarmup: 5,
  fanoutRate: 40,
  fanoutBoardCards: 100,
  throughputClients: 20,
  throughputWriters: 4,
  throughputRates: [50, 200],
  throughputWindowMs: 500,
  throughputRuns: 1,
  memoryN: 20,
  memoryRoomSize: 10,
  memoryRuns: 1,
  memorySettleMs: [200, 300],
  boards: 2,
  boardCards: 50,
  joinCards: 200,
  joinRuns: 1,
  durabilityTrials: 3,
  durabilityBurst: 30,
  durabilityQuietMs: 300,
  reconnectSizes: [20],
  reconnectRuns: 1,
  reconnectCards: 50,
  awarenessSizes: [5, 10],
  awarenessSettleMs: 100,
  awarenessWindowMs: 500,
  browser: false,
  browserRuns: 0,
  browserCards: 0,
  profile: false,
  hocuspocus: true,
  soakSeconds: 12,
  soakConcurrency: 4,
  soakWorkshops: 6,
  soakPeople: 5,
  soakEdits: 3,
  soakSampleSeconds: 3,
  // Not part of --quick (it starts several instances on Postgres); these are its sizes when
  // it is asked for with --quick --only=scaleout.
  scaleoutClients: 20,
  scaleoutRuns: 2,
  scaleoutThroughputRuns: 1,
  scaleoutFailoverRuns: 1,
  scaleoutJoinRuns: 1,
};

export interface Ctx {
  cfg: BenchConfig;
  lg: LoadGen;
  log(message: string): void;
  /** Folders to delete when the run ends. */
  cleanup: string[];
}

/** A reference seat: the doc name is the room. */
export function refSeat(server: ServerProc, room: string): Seat {
  return { wsBase: server.wsUrl, room };
}

/** Purple seats for the first `n` participants of a workshop, each with its own cookie. */
export function purpleSeats(server: ServerProc, w: PurpleWorkshop, n: number): Seat[] {
  if (w.participants.length < n)
    throw new Error(`workshop has ${w.participants.length} participants, need ${n}`);
  return w.participants.slice(0, n).map((p) => ({
    wsBase: `${server.wsUrl}/yjs`,
    room: w.workshopId,
    cookie: p.cookie,
    origin: server.httpUrl,
  }));
}

export function removeAll(paths: string[]): void {
  for (const p of paths) rmSync(p, { recursive: true, force: true });
}

/** Alternate which server goes first in each run (A/B, B/A, …). */
export function interleave<T>(run: number, a: T, b: T): [T, T] {
  return run % 2 === 0 ? [a, b] : [b, a];
}

/**
 * The order of several servers in run `run`: two alternate as `interleave` does; more are
 * rotated one place every two runs, and every odd run reverses the even run before it, so
 * each pair of servers runs in both orders within every two runs (three servers: all six
 * orders in six runs).
 */
export function interleaveAll<T>(run: number, items: readonly T[]): T[] {
  if (items.length <= 2) return run % 2 === 0 ? [...items] : [...items].reverse();
  const k = Math.floor(run / 2) % items.length;
  const rotated = [...items.slice(k), ...items.slice(0, k)];
  return run % 2 === 0 ? rotated : rotated.reverse();
}
