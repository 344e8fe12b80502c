/**
 * `npm run bench` (full) and `npm run bench:quick` (small sizes, under a minute, for CI).
 *
 * Starts every server itself — `@y/websocket-server` 0.1.1's own server in memory and with
 * LevelDB, Purple's production server, and Hocuspocus 3.4.4 on SQLite (the second reference,
 * in fan-out and join) — pins servers to CPU 0 and the load generator
 * (a separate child process) to CPU 1 where `taskset` exists, interleaves A/B runs and
 * writes RESULTS.md and results.json (bench/ for the full run, bench/tmp/quick/ for quick).
 *
 * Flags: --quick; --only=fanout,throughput,memory,join,durability,reconnect,awareness,browser,
 * worstframe,soak,export,scaleout (scaleout is in the full run, not in --quick);
 * --out=<folder>; --merge (keep the other sections of an existing results.json);
 * --report-only (rewrite RESULTS.md from results.json); for
 * development --runs=N, --sizes=a,b, --rate=N, --fanout-board=N, --memory-n=N, --repeat=N, --no-profile,
 * --no-hocuspocus, --scaleout-clients=N, --scaleout-parts=fanout,throughput,failover,join and
 * --scaleout-cpus=0,1
 * (see README.md). The quick run never judges timings: it exits non-zero only when the
 * harness itself failed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureAwareness } from './awareness';
import { measureBrowser } from './browser';
import { measureDurability } from './durability';
import { measureExport } from './export';
import { measureFanout } from './fanout';
import { measureJoin } from './join';
import { type BenchConfig, type Ctx, FULL, QUICK, removeAll } from './lib/context';
import { startLoadGen } from './lib/loadgen';
import { canPin, ROOT } from './lib/servers';
import { measureMemory } from './memory';
import { measureReconnect } from './reconnect';
import { type BenchResults, type Machine, writeReport } from './report';
import { measureScaleout, takeServiceUrls } from './scaleout';
import { measureSoak } from './soak';
import { measureThroughput } from './throughput';
import { measureWorstFrames } from './worstFrame';

const MEASUREMENTS = [
  'fanout',
  'throughput',
  'memory',
  'join',
  'durability',
  'reconnect',
  'awareness',
  'browser',
  'worstframe',
  'soak',
  'export',
  'scaleout',
] as const;
type Name = (typeof MEASUREMENTS)[number];

function arg(name: string): string | undefined {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit?.slice(name.length + 3);
}

function machine(cfg: BenchConfig): Machine {
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
  } catch {
    // not a git checkout
  }
  return {
    date: new Date().toISOString(),
    nproc: os.availableParallelism(),
    cpu,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    pinned: canPin,
    loadBefore: os.loadavg(),
    loadAfter: [],
    commit,
    mode: cfg.quick ? 'quick' : 'full',
  };
}

async function main(): Promise<void> {
  // DATABASE_URL / REDIS_URL are for the scale-out section only: every other section (and
  // every server it starts) is one instance on SQLite.
  const services = takeServiceUrls();
  const quick = process.argv.includes('--quick');
  const cfg: BenchConfig = { ...(quick ? QUICK : FULL) };
  // Development overrides: --runs=N (interleaved runs), --sizes=50,200 (fan-out room sizes).
  const runs = arg('runs');
  if (runs) {
    cfg.runs = Number(runs);
    cfg.scaleoutRuns = Number(runs);
  }
  const sizes = arg('sizes');
  if (sizes) cfg.fanoutSizes = sizes.split(',').map(Number);
  const rate = arg('rate');
  if (rate) cfg.fanoutRate = Number(rate);
  // --fanout-board=N: records on the fan-out room's board (0: the empty room).
  const board = arg('fanout-board');
  if (board) cfg.fanoutBoardCards = Number(board);
  if (process.argv.includes('--no-profile')) cfg.profile = false;
  // --no-hocuspocus: leave the second reference out of fan-out, join and scale-out.
  if (process.argv.includes('--no-hocuspocus')) cfg.hocuspocus = false;
  const memoryN = arg('memory-n');
  if (memoryN) cfg.memoryN = Number(memoryN);
  const repeat = arg('repeat');
  if (repeat) {
    // --repeat=N: N runs/trials for every measurement (a shorter full-size run).
    const k = Number(repeat);
    Object.assign(cfg, {
      memoryRuns: k,
      joinRuns: k,
      durabilityTrials: k,
      reconnectRuns: k,
      throughputRuns: k,
      browserRuns: k,
      scaleoutThroughputRuns: k,
      scaleoutFailoverRuns: k,
      scaleoutJoinRuns: k,
    });
  }
  const scaleoutClients = arg('scaleout-clients');
  if (scaleoutClients) cfg.scaleoutClients = Number(scaleoutClients);
  const scaleoutParts = arg('scaleout-parts');
  if (scaleoutParts) cfg.scaleoutParts = scaleoutParts.split(',');
  const scaleoutCpus = arg('scaleout-cpus')?.split(',').map(Number);
  if (scaleoutCpus?.length === 2) cfg.scaleoutCpus = [scaleoutCpus[0] ?? 0, scaleoutCpus[1] ?? 0];
  const only = arg('only')?.split(',') as Name[] | undefined;
  const outDir = path.resolve(ROOT, arg('out') ?? (quick ? 'bench/tmp/quick' : 'bench'));
  // The browser part needs a build and the scale-out section Postgres, Redis and several
  // instances: the quick run (CI) leaves both out unless asked for by name.
  const wanted = (n: Name) =>
    only ? only.includes(n) : (n !== 'browser' || cfg.browser) && (n !== 'scaleout' || !cfg.quick);
  if (process.argv.includes('--report-only')) {
    // Rewrite RESULTS.md from an existing results.json (after changing report.ts).
    const earlier = JSON.parse(
      readFileSync(path.join(outDir, 'results.json'), 'utf8'),
    ) as BenchResults;
    writeFileSync(path.join(outDir, 'RESULTS.md'), writeReport(earlier));
    process.exit(0);
  }
  const started = performance.now();
  const log = (m: string) => {
    const s = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
    process.stdout.write(`[${s} s] ${m}\n`);
  };
  const info = machine(cfg);
  log(
    `Purple bench (${info.mode}) on ${info.nproc} × ${info.cpu}, Node ${info.node}; ` +
      (canPin
        ? 'servers on CPU 0, load generator on CPU 1'
        : 'NOT pinned (no taskset or one core)'),
  );
  const lg = await startLoadGen();
  const ctx: Ctx = { cfg, lg, log, cleanup: [] };
  const results: BenchResults = {
    machine: info,
    config: cfg,
    errors: {},
    durationsS: {},
    sectionsFrom: {},
  };
  // --merge: keep the sections of an earlier results.json that this run does not measure.
  const jsonIn = path.join(outDir, 'results.json');
  if (process.argv.includes('--merge') && existsSync(jsonIn)) {
    const earlier = JSON.parse(readFileSync(jsonIn, 'utf8')) as BenchResults;
    for (const name of MEASUREMENTS) {
      if (wanted(name) || earlier[name] === undefined) continue;
      Object.assign(results, { [name]: earlier[name] });
      results.durationsS[name] = earlier.durationsS[name] ?? 0;
      if (earlier.errors[name]) results.errors[name] = earlier.errors[name];
      results.sectionsFrom[name] = earlier.sectionsFrom?.[name] ?? {
        date: earlier.machine.date,
        commit: earlier.machine.commit,
        loadBefore: earlier.machine.loadBefore,
      };
    }
  }
  const steps: [Name, () => Promise<void>][] = [
    [
      'fanout',
      async () => {
        results.fanout = await measureFanout(ctx);
      },
    ],
    [
      'throughput',
      async () => {
        results.throughput = await measureThroughput(ctx);
      },
    ],
    [
      'memory',
      async () => {
        results.memory = await measureMemory(ctx);
      },
    ],
    [
      'join',
      async () => {
        results.join = await measureJoin(ctx);
      },
    ],
    [
      'durability',
      async () => {
        results.durability = await measureDurability(ctx);
      },
    ],
    [
      'reconnect',
      async () => {
        results.reconnect = await measureReconnect(ctx);
      },
    ],
    [
      'awareness',
      async () => {
        results.awareness = await measureAwareness(ctx);
      },
    ],
    [
      'browser',
      async () => {
        results.browser = await measureBrowser(ctx);
      },
    ],
    [
      'worstframe',
      async () => {
        results.worstframe = await measureWorstFrames(ctx);
      },
    ],
    [
      'soak',
      async () => {
        results.soak = await measureSoak(ctx);
      },
    ],
    [
      // The summary's exports (issue 10): writes RESULTS-export.md beside RESULTS.md.
      'export',
      async () => {
        results.export = await measureExport(cfg.quick, outDir, log);
      },
    ],
    [
      // Issue 12: two instances on Postgres and Redis against one on SQLite.
      'scaleout',
      async () => {
        results.scaleout = await measureScaleout(ctx, services);
        const failed = Object.entries(results.scaleout.failed);
        if (failed.length > 0)
          throw new Error(failed.map(([part, m]) => `${part}: ${m}`).join('\n'));
      },
    ],
  ];
  try {
    for (const [name, run] of steps) {
      if (!wanted(name)) continue;
      const t = performance.now();
      log(`── ${name}`);
      try {
        await run();
      } catch (err) {
        const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
        results.errors[name] = message;
        log(`${name} FAILED: ${message}`);
      }
      results.durationsS[name] = Math.round((performance.now() - t) / 100) / 10;
      results.sectionsFrom[name] = {
        date: info.date,
        commit: info.commit,
        loadBefore: info.loadBefore,
      };
    }
  } finally {
    await lg.stop();
    removeAll(ctx.cleanup);
  }
  info.loadAfter = os.loadavg();
  results.totalS = Math.round((performance.now() - started) / 100) / 10;
  mkdirSync(outDir, { recursive: true });
  const jsonPath = path.join(outDir, 'results.json');
  writeFileSync(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
  // Keep results.json as Biome formats it, so `biome check .` stays clean.
  spawnSync('npx', ['--no-install', 'biome', 'format', '--write', jsonPath], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  writeFileSync(path.join(outDir, 'RESULTS.md'), writeReport(results));
  log(
    `wrote ${path.relative(ROOT, outDir) || '.'}/RESULTS.md and results.json in ${results.totalS} s`,
  );
  const failed = Object.keys(results.errors);
  if (failed.length > 0) {
    log(`the harness failed in: ${failed.join(', ')}`);
    process.exit(1);
  }
  process.exit(0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
