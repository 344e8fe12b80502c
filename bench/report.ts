/**
 * Writes RESULTS.md from the results object: the machine, every figure with its 95 %
 * bootstrap interval, the ratio Purple ÷ reference, and PASS/MISS against DESIGN §8.
 */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AwarenessResult } from './awareness';
import type { BrowserResult, PhoneResult } from './browser';
import type { DurabilityResult } from './durability';
import { type ExportResults, exportReport, exportTargets } from './export';
import type { FanoutResult } from './fanout';
import type { JoinResultSet } from './join';
import type { BenchConfig } from './lib/context';
import type { ProfileSummary } from './lib/profile';
import type { Estimate } from './lib/stats';
import { quantile } from './lib/stats';
import type { MemoryResult } from './memory';
import type { StormSize } from './reconnect';
import type { ScaleoutResult } from './scaleout';
import type { SoakResult } from './soak';
import type { ThroughputResult } from './throughput';
import { type WorstFrameResult, worstFrameSection } from './worstFrame';

export interface Machine {
  date: string;
  nproc: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  platform: string;
  pinned: boolean;
  loadBefore: number[];
  loadAfter: number[];
  commit: string;
  mode: 'quick' | 'full';
}

export interface BenchResults {
  machine: Machine;
  config: BenchConfig;
  fanout?: FanoutResult;
  throughput?: ThroughputResult;
  memory?: MemoryResult;
  join?: JoinResultSet;
  durability?: DurabilityResult;
  reconnect?: { cards: number; sizes: StormSize[] };
  awareness?: AwarenessResult;
  browser?: BrowserResult;
  worstframe?: WorstFrameResult;
  soak?: SoakResult;
  /** The summary's exports (issue 10); reported in RESULTS-export.md. */
  export?: ExportResults;
  /** Issue 12: two instances on Postgres and Redis against one on SQLite. */
  scaleout?: ScaleoutResult;
  errors: Record<string, string>;
  durationsS: Record<string, number>;
  totalS?: number;
  /** When and at which commit each section was measured (differs after --merge). */
  sectionsFrom: Record<string, { date: string; commit: string; loadBefore: number[] }>;
}

type Ratio = { ratio: number; lo: number; hi: number };

const f = (x: number | undefined | null, d = 2) =>
  x === undefined || x === null || !Number.isFinite(x) ? '–' : x.toFixed(d);
const est = (e: Estimate | undefined, d = 2, scale = 1) =>
  e && e.n > 0 ? `${f(e.median / scale, d)} [${f(e.lo / scale, d)}, ${f(e.hi / scale, d)}]` : '–';
const ratio = (r: Ratio | undefined) => (r ? `${f(r.ratio)}× [${f(r.lo)}, ${f(r.hi)}]` : '–');
const verdict = (ok: boolean | null) => (ok === null ? 'n/a' : ok ? '**PASS**' : '**MISS**');
const KiB = 1024;
const MiB = 2 ** 20;

function fanoutSection(r: FanoutResult, out: string[], targets: string[][]): void {
  out.push('## 1. Fan-out latency (edit → arrival at every other client)', '');
  const board = r.boardCards ?? 0;
  const onBoard = board > 0 ? `, on a ${board.toLocaleString('en-GB')}-record board` : '';
  out.push(
    board > 0
      ? `The room already holds a board of ${board.toLocaleString('en-GB')} records, a quarter in each section (decisions and indicators with fields filled in and linked to priorities), the same Yjs state on every server.`
      : 'The room starts empty.',
    '',
    "Median over runs of each run's p50 / p99 (ms), with 95 % bootstrap intervals. Reference: `@y/websocket-server` 0.1.1 in memory.",
    '',
  );
  const withHocus = r.sizes.some((s) => s.hocuspocus);
  if (withHocus)
    out.push(
      'Hocuspocus (3.4.4 on its SQLite extension, the second reference) ran in the same interleaving, for comparison: the targets judge Purple against the reference only. Its writers are HocuspocusProviders; it also answers every update with a sync-status message to its sender.',
      '',
      '| clients | reference p50 | Hocuspocus p50 | Purple p50 | Purple ÷ reference p50 | Purple ÷ Hocuspocus p50 | reference p99 | Hocuspocus p99 | Purple p99 | Purple ÷ reference p99 | Purple ÷ Hocuspocus p99 | runs |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
  else
    out.push(
      '| clients | reference p50 | Purple p50 | ratio p50 | reference p99 | Purple p99 | ratio p99 | runs |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
    );
  for (const s of r.sizes) {
    out.push(
      withHocus
        ? `| ${s.clients} | ${est(s.reference.p50)} | ${est(s.hocuspocus?.p50)} | ${est(s.purple.p50)} | ${ratio(s.ratioP50)} | ${ratio(s.ratioP50Hocuspocus)} | ${est(s.reference.p99)} | ${est(s.hocuspocus?.p99)} | ${est(s.purple.p99)} | ${ratio(s.ratioP99)} | ${ratio(s.ratioP99Hocuspocus)} | ${s.reference.p50.n}+${s.hocuspocus?.p50.n ?? 0}+${s.purple.p50.n} |`
        : `| ${s.clients} | ${est(s.reference.p50)} | ${est(s.purple.p50)} | ${ratio(s.ratioP50)} | ${est(s.reference.p99)} | ${est(s.purple.p99)} | ${ratio(s.ratioP99)} | ${s.reference.p50.n}+${s.purple.p50.n} |`,
    );
    targets.push([
      `fan-out p50, ${s.clients} clients${onBoard}`,
      '≤ 1.1×',
      `${f(s.ratioP50.ratio)}×`,
      verdict(s.ratioP50.ratio <= 1.1),
    ]);
    targets.push([
      `fan-out p99, ${s.clients} clients${onBoard}`,
      '≤ 1.25×',
      `${f(s.ratioP99.ratio)}×`,
      verdict(s.ratioP99.ratio <= 1.25),
    ]);
  }
  const lost = r.sizes
    .flatMap((s) => [...s.reference.windows, ...s.purple.windows, ...(s.hocuspocus?.windows ?? [])])
    .filter((w) => w.received < w.expected);
  out.push(
    '',
    lost.length === 0
      ? 'Every edit reached every client in every run.'
      : `${lost.length} run(s) had arrivals missing after the drain timeout (see results.json).`,
    '',
  );
  if (r.profile) profileSection(r.profile, out);
}

function profileTable(p: ProfileSummary, out: string[]): void {
  out.push('| category | self ms | µs per edit |', '| --- | --- | --- |');
  for (const c of p.categories.slice(0, 12))
    out.push(`| ${c.name} | ${f(c.ms, 1)} | ${f(c.usPerEdit, 1)} |`);
  out.push('');
  out.push('| edit-path function (inclusive) | ms | µs per edit |', '| --- | --- | --- |');
  for (const e of p.editPath) out.push(`| \`${e.fn}\` | ${f(e.ms, 1)} | ${f(e.usPerEdit, 1)} |`);
  out.push('');
  out.push('| top self time | where | ms |', '| --- | --- | --- |');
  for (const t of p.topSelf.slice(0, 10)) out.push(`| \`${t.fn}\` | ${t.where} | ${f(t.ms, 1)} |`);
  out.push('');
}

function profileSection(p: NonNullable<FanoutResult['profile']>, out: string[]): void {
  out.push(
    `### CPU profiles during the ${p.clients}-client fan-out (${p.edits} edits, \`node --cpu-prof\`)`,
    '',
    'Whole-process profiles: they include start-up and the clients connecting, so categories are not all per-edit work; the inclusive edit-path rows are.',
    '',
    `**Reference** (busy ${f(p.reference.busyMs, 0)} ms of ${f(p.reference.totalMs, 0)} ms):`,
    '',
  );
  profileTable(p.reference, out);
  out.push(`**Purple** (busy ${f(p.purple.busyMs, 0)} ms of ${f(p.purple.totalMs, 0)} ms):`, '');
  profileTable(p.purple, out);
}

export function writeReport(r: BenchResults): string {
  const m = r.machine;
  const out: string[] = [];
  const targets: string[][] = [];
  // Hocuspocus, the second reference, when this run measured it.
  const hocus = Boolean(r.fanout?.sizes.some((s) => s.hocuspocus) || r.join?.hocuspocus);
  out.push(
    `# Purple benchmark results (${m.mode})`,
    '',
    'Written by `npm run bench` (bench/run.ts); every figure is also in `results.json`. Re-run on a quiet machine before quoting.',
    '',
    '## Machine',
    '',
    `- Date: ${m.date}; commit ${m.commit}`,
    `- CPUs (nproc): ${m.nproc} × ${m.cpu}; memory ${m.memoryGiB} GiB; ${m.platform}`,
    `- Node ${m.node}`,
    `- Pinning: ${m.pinned ? 'each server on CPU 0 (`taskset -c 0`), the load generator (its own process) on CPU 1 (`taskset -c 1`)' : 'none (no taskset or a single core)'}`,
    `- Load average before: ${m.loadBefore.map((x) => x.toFixed(2)).join(' / ')}; after: ${m.loadAfter.map((x) => x.toFixed(2)).join(' / ')} (other work on the machine competes with both servers alike, but widens intervals)`,
    ...(new Set(Object.values(r.sectionsFrom ?? {}).map((x) => x.date)).size > 1
      ? [
          `- Sections were measured in separate runs (\`--merge\`): ${Object.entries(r.sectionsFrom)
            .map(
              ([k, v]) =>
                `${k} at ${v.date.slice(0, 16)}Z, commit ${v.commit}, load ${v.loadBefore.map((x) => x.toFixed(2)).join('/')}`,
            )
            .join('; ')}`,
        ]
      : []),
    `- Duration: ${f(r.totalS, 0)} s (${Object.entries(r.durationsS)
      .map(([k, v]) => `${k} ${v} s`)
      .join(', ')})`,
    '',
    '## Setup',
    '',
    '- **Reference**: `node node_modules/@y/websocket-server/src/server.js` (0.1.1, its own server), in memory, and with `YPERSISTENCE=<fresh folder>` (LevelDB) where persistence matters (durability, cold joins, boards loaded from disk, reconnect storm).',
    ...(hocus
      ? [
          '- **Hocuspocus** (second reference, fan-out and joins, for comparison): `node bench/lib/hocuspocusServer.mjs`, `@hocuspocus/server` 3.4.4 (4.x needs Node 22) with `@hocuspocus/extension-sqlite` 3.4.4 on a fresh SQLite file, at its defaults (the whole document stored as one row 2 s after the last change, at most 10 s apart, and when the last client leaves; it broadcasts before storing) plus a 5 s busy timeout; its clients frame every message with the document name and authenticate with an empty token; joins use its own `HocuspocusProvider`. `bench/lib/hocuspocus.ts` can add `@hocuspocus/extension-redis` for several instances.',
        ]
      : []),
    '- **Purple**: `NODE_ENV=production node dist/index.mjs --no-next` (the server bundled by `scripts/buildServer.ts`, the realtime part of what `npm start` runs: one process, SQLite in WAL mode with `synchronous=NORMAL`, a fresh `DATA_DIR`). The browser part runs it with the Next pages on, after `next build`.',
    "- Purple's workshops and participants are created through the facade (invite link → join → cookie) by an in-process server on the same data folder before the measured process starts; every Purple connection sends its participant's cookie and an allowed Origin.",
    hocus
      ? `- Interleaved runs (the three servers take all six orders every six runs, each pair in both orders every two): ${r.config.runs} per server for fan-out; medians with 95 % percentile-bootstrap intervals (2,000 seeded resamples). Ratios are Purple ÷ reference and Purple ÷ Hocuspocus with a bootstrap interval on the ratio of medians.`
      : `- Interleaved A/B runs (order alternates each run): ${r.config.runs} per server for fan-out; medians with 95 % percentile-bootstrap intervals (2,000 seeded resamples). Ratios are Purple ÷ reference with a bootstrap interval on the ratio of medians.`,
    '',
  );
  if (r.fanout) fanoutSection(r.fanout, out, targets);
  if (r.throughput) {
    const t = r.throughput;
    out.push(
      `## 2. Throughput (${t.clients} clients, ${t.writers} writers)`,
      '',
      `${t.writers} writers that keep only their own edits (a local Y.Doc whose updates go out over a light client), the rest light clients. Total edit rate stepped through ${t.rates.join(', ')} edits/s; "sustained" is the highest rate at which p50 stayed within 2× the p50 at the lowest rate, every edit arrived, and the load generator kept the pace.`,
      '',
      '| server | sustained edits/s (median [95 % CI]) | runs | stopped by (first run) |',
      '| --- | --- | --- | --- |',
      `| reference (memory) | ${est(t.reference.sustained, 0)} | ${t.reference.runs.length} | ${t.reference.runs[0]?.stoppedBy ?? '–'} |`,
      `| Purple | ${est(t.purple.sustained, 0)} | ${t.purple.runs.length} | ${t.purple.runs[0]?.stoppedBy ?? '–'} |`,
      '',
      `Ratio Purple ÷ reference: ${f(t.purple.sustained.median / t.reference.sustained.median)}×. Per-step p50/p99 are in results.json.`,
      '',
    );
  }
  if (r.memory) {
    const mm = r.memory;
    out.push(
      '## 3. Memory',
      '',
      `Marginal cost: (RSS with ${mm.participants} idle − RSS with ${Math.floor(mm.participants / 2)} idle) / ${mm.participants - Math.floor(mm.participants / 2)}, on a fresh server per run after one participant loaded a board${mm.roomSize ? `, with participants in workshops of ${mm.roomSize}` : ''}. The first half absorbs what a server pays once rather than per participant (V8 growing its young generation, compiling hot code); the figure from zero is the next row. Purple: each participant holds its Yjs socket and its socket.io connection; reference: one connection.`,
      '',
      '| | reference | Purple | ratio |',
      '| --- | --- | --- | --- |',
      `| KiB per idle participant (marginal, ${Math.floor(mm.participants / 2)} → ${mm.participants}) | ${est(mm.reference, 1, KiB)} | ${est(mm.purple, 1, KiB)} | ${ratio(mm.ratio)} |`,
      ...(mm.fromZero
        ? [
            `| KiB per idle participant from zero ((RSS with ${mm.participants} − RSS with 0) / ${mm.participants}) | ${est(mm.fromZero.reference, 1, KiB)} | ${est(mm.fromZero.purple, 1, KiB)} (Yjs only ${est(mm.fromZero.purpleYjsOnly, 1, KiB)}) | ${ratio(mm.fromZero.ratio)} |`,
          ]
        : []),
      `| KiB per idle participant (marginal), Purple's Yjs socket only (no socket.io; for diagnosis) | | ${est(mm.purpleYjsOnly, 1, KiB)} | |`,
      ...(mm.afterGc
        ? [
            `| KiB per idle participant, RSS after a forced full GC (− RSS with 0) | ${est(mm.afterGc.rss.reference, 1, KiB)} | ${est(mm.afterGc.rss.purple, 1, KiB)} (Yjs only ${est(mm.afterGc.rss.purpleYjsOnly, 1, KiB)}) | ${f(mm.afterGc.rss.purple.median / mm.afterGc.rss.reference.median)}× |`,
            `| KiB per idle participant, live heap + external after a full GC (connected − after they left) | ${est(mm.afterGc.liveHeap.reference, 1, KiB)} | ${est(mm.afterGc.liveHeap.purple, 1, KiB)} (Yjs only ${est(mm.afterGc.liveHeap.purpleYjsOnly, 1, KiB)}) | ${f(mm.afterGc.liveHeap.purple.median / mm.afterGc.liveHeap.reference.median)}× |`,
          ]
        : []),
      `| KiB per loaded board (${mm.boards.count} boards × ${mm.boards.cards} cards, loaded from disk, one client each; reference = LevelDB) | ${est(mm.boards.referenceLevelDb, 1, KiB)} | ${est(mm.boards.purple, 1, KiB)} | ${ratio(mm.boards.ratio)} |`,
      '',
    );
    out.push(
      "The RSS rows are what DESIGN §8 asks for; they include heap that has not been collected yet, so the two rows after a forced full GC (`bench/lib/gcProbe.mjs`, preloaded for this measurement only) show what is live. Purple's Yjs socket alone holds about as much live heap as the reference's connection; the difference is its socket.io connection.",
      '',
    );
    targets.push([
      'memory per idle participant (RSS, marginal)',
      '≤ 2×',
      `${f(mm.ratio.ratio)}×`,
      verdict(mm.ratio.ratio <= 2),
    ]);
    if (mm.fromZero)
      targets.push([
        'for comparison: the same from zero (the first method; one-time growth included)',
        '–',
        `${f(mm.fromZero.ratio.ratio)}×`,
        '–',
      ]);
  }
  if (r.join) {
    const j = r.join;
    out.push(
      `## 4. Joining a board of ${j.cards} cards`,
      '',
      `The same Yjs content on every server (${f(j.bytes / KiB, 0)} KiB as one update). A real ${j.hocuspocus ? "provider (y-websocket's WebsocketProvider; Hocuspocus's own HocuspocusProvider for Hocuspocus)" : 'WebsocketProvider'}; "content" is connect → 'sync' fired and every card is in the doc; "sync" is connect → 'sync' event. Cold: server just restarted (board on disk only); warm: another client holds the board in memory.`,
      '',
      '| server | cold: content ms | cold: sync ms | warm: content ms | warm: sync ms | synced before content |',
      '| --- | --- | --- | --- | --- | --- |',
      `| reference, LevelDB | ${est(j.referenceLevelDb.coldContentMs, 1)} | ${est(j.referenceLevelDb.coldSyncMs, 1)} | ${est(j.referenceLevelDb.warmContentMs, 1)} | ${est(j.referenceLevelDb.warmSyncMs, 1)} | ${j.referenceLevelDb.syncedBeforeContent} of ${j.referenceLevelDb.joins} |`,
      `| reference, memory | – | – | ${est(j.referenceMemory.warmContentMs, 1)} | ${est(j.referenceMemory.warmSyncMs, 1)} | ${j.referenceMemory.syncedBeforeContent} of ${j.referenceMemory.joins} |`,
      ...(j.hocuspocus
        ? [
            `| Hocuspocus, SQLite (its own provider) | ${est(j.hocuspocus.coldContentMs, 1)} | ${est(j.hocuspocus.coldSyncMs, 1)} | ${est(j.hocuspocus.warmContentMs, 1)} | ${est(j.hocuspocus.warmSyncMs, 1)} | ${j.hocuspocus.syncedBeforeContent} of ${j.hocuspocus.joins} |`,
          ]
        : []),
      `| Purple | ${est(j.purple.coldContentMs, 1)} | ${est(j.purple.coldSyncMs, 1)} | ${est(j.purple.warmContentMs, 1)} | ${est(j.purple.warmSyncMs, 1)} | ${j.purple.syncedBeforeContent} of ${j.purple.joins} |`,
      '',
      `Ratio Purple ÷ reference (content): cold vs LevelDB ${ratio(j.ratioCold)}, warm vs memory ${ratio(j.ratioWarm)}.`,
      '',
      ...(j.hocuspocus
        ? [
            `Ratio Purple ÷ Hocuspocus (content), for comparison: cold (both from SQLite) ${ratio(j.ratioColdHocuspocus)}, warm ${ratio(j.ratioWarmHocuspocus)}.`,
            '',
          ]
        : []),
    );
    targets.push([
      `${j.cards}-card join, cold (vs LevelDB reference)`,
      '≤ 2×',
      `${f(j.ratioCold.ratio)}×`,
      verdict(j.ratioCold.ratio <= 2),
    ]);
    targets.push([
      `${j.cards}-card join, warm (vs in-memory reference)`,
      '≤ 2×',
      `${f(j.ratioWarm.ratio)}×`,
      verdict(j.ratioWarm.ratio <= 2),
    ]);
    targets.push([
      'never synced before content',
      '0 joins',
      `${j.purple.syncedBeforeContent} of ${j.purple.joins}`,
      verdict(j.purple.syncedBeforeContent === 0),
    ]);
  }
  if (r.durability) {
    const d = r.durability;
    out.push(
      '## 5. Durability under kill -9',
      '',
      `Each trial: a writer sends a burst of ${d.burst} new cards; the server is killed with SIGKILL the moment another client has seen a random number of them (seeded); restarted; a reader counts seen cards missing or changed.`,
      '',
      '| server | trials with a seen edit lost | seen edits lost / seen |',
      '| --- | --- | --- |',
      `| reference, LevelDB | ${d.reference.trialsWithLoss} of ${d.reference.trials} | ${d.reference.lostTotal} / ${d.reference.seenTotal} |`,
      `| Purple (SQLite) | ${d.purple.trialsWithLoss} of ${d.purple.trials} | ${d.purple.lostTotal} / ${d.purple.seenTotal} |`,
      '',
    );
    targets.push([
      'seen edits lost over all Purple trials',
      '0',
      `${d.purple.lostTotal} in ${d.purple.trials} trials`,
      verdict(d.purple.lostTotal === 0),
    ]);
  }
  if (r.reconnect) {
    out.push(
      `## 6. Reconnect storm (board of ${r.reconnect.cards} cards, kill -9 and restart on the same port)`,
      '',
      '"All synced" is from the new process being ready (the line it prints once it serves; Purple opens its port earlier and holds what arrives until then, I95) until the last client has synced again (Purple: and its socket.io connection is back too); clients back off like y-websocket (100 ms doubling to 2.5 s). Peak memory is the new process\'s VmHWM. "From the kill" is what people wait, start-up included: clients retry at fixed times after they lose the server, so a server that starts listening sooner can wait longer for them, and the first figure can grow as start-up shrinks; this one cannot.',
      '',
      '| clients | reference (LevelDB) all synced ms | Purple all synced ms | reference from the kill ms | Purple from the kill ms | reference peak MiB | Purple peak MiB |',
      '| --- | --- | --- | --- | --- | --- | --- |',
    );
    const fromKill = (e: Estimate | undefined) =>
      e && Number.isFinite(e.median) ? est(e, 0) : 'not measured';
    for (const s of r.reconnect.sizes) {
      out.push(
        `| ${s.clients} | ${est(s.reference.allSyncedMs, 0)} | ${est(s.purple.allSyncedMs, 0)} | ${fromKill(s.reference.fromKillMs)} | ${fromKill(s.purple.fromKillMs)} | ${est(s.reference.peakRss, 1, MiB)} | ${est(s.purple.peakRss, 1, MiB)} |`,
      );
    }
    out.push('');
    // Issue 12's target: the largest storm on one instance, within 1.5x the reference.
    const largest = r.reconnect.sizes[r.reconnect.sizes.length - 1];
    if (largest) {
      const ratio = largest.purple.allSyncedMs.median / largest.reference.allSyncedMs.median;
      targets.push([
        `restart storm, ${largest.clients} clients on one instance: all synced from ready (÷ reference)`,
        '≤ 1.5×',
        `${ratio.toFixed(2)}×`,
        verdict(ratio <= 1.5),
      ]);
      const p = largest.purple.fromKillMs?.median;
      const q = largest.reference.fromKillMs?.median;
      if (p !== undefined && q !== undefined && Number.isFinite(p / q))
        targets.push([
          'for comparison: the same from the kill (start-up included)',
          '–',
          `${(p / q).toFixed(2)}×`,
          '–',
        ]);
    }
  }
  if (r.awareness) {
    const a = r.awareness;
    out.push(
      '## Idle traffic (awareness)',
      '',
      "Messages per second the server sends to N idle clients (real WebsocketProviders: the reference's with their default awareness state, Purple's with awareness null as its board page sets it, plus socket.io), counted at the clients over the window, every frame (sync, awareness, Purple's own, WebSocket pings, socket.io packets).",
      '',
      '| clients | window s | reference msg/s | Purple msg/s |',
      '| --- | --- | --- | --- |',
    );
    for (const s of a.sizes)
      out.push(
        `| ${s.clients} | ${f(s.windowMs / 1000, 0)} | ${f(s.reference.perSecond, 1)} | ${f(s.purple.perSecond, 1)} |`,
      );
    out.push(
      '',
      `Growth exponent (1 = linear in N, 2 = N²): reference ${f(a.exponent.reference)}, Purple ${f(a.exponent.purple)}.`,
      '',
    );
    targets.push([
      'idle traffic does not grow as N²',
      'exponent < 1.5',
      f(a.exponent.purple),
      verdict(Number.isFinite(a.exponent.purple) ? a.exponent.purple < 1.5 : null),
    ]);
  }
  if (r.browser) browserSection(r.browser, out, targets);
  if (r.worstframe) worstFrameSection(r.worstframe, out, targets);
  if (r.soak) soakSection(r.soak, out, targets);
  if (r.scaleout) scaleoutSection(r.scaleout, r.reconnect, out, targets);
  out.push(...votePageSection());
  if (r.export)
    for (const [name, goal, value, ok] of exportTargets(r.export))
      targets.push([name, goal, value, verdict(ok)]);
  out.push(
    '## Targets (DESIGN §8)',
    '',
    '| target | goal | Purple | verdict |',
    '| --- | --- | --- | --- |',
  );
  for (const t of targets) out.push(`| ${t.join(' | ')} |`);
  out.push('');
  if (m.mode === 'quick')
    out.push('_Quick run: small sizes and few runs; the verdicts above are not meaningful._', '');
  // The summary's exports (issue 10): the same section as RESULTS-export.md, one level down.
  if (r.export) out.push(exportReport(r.export, m.mode === 'quick').replace(/^#/gm, '##'));
  const errors = Object.entries(r.errors);
  if (errors.length > 0) {
    out.push('## Errors', '');
    for (const [k, v] of errors) out.push(`- **${k}**: \`${v.split('\n')[0]}\``);
    out.push('');
  }
  return out.join('\n');
}

function browserSection(b: BrowserResult, out: string[], targets: string[][]): void {
  out.push(
    `## 7. In the browser (Chromium, ${b.cards} cards, ${b.runs.length} runs)`,
    '',
    `Chromium ${b.chromium} via Playwright, production build with the Next pages on. Times from navigation start. The remote edit is made by a Node WebsocketProvider participant; "arrival → paint" runs from the WebSocket message event carrying the edit to the first requestAnimationFrame callback that finds the new text in the card (the frame that paints it).`,
    '',
    '| figure | median [95 % CI] ms |',
    '| --- | --- |',
    `| first contentful paint | ${est(b.fcpMs, 0)} |`,
    `| first card rendered | ${est(b.firstCardMs, 0)} |`,
    `| interactive (data-ready, all ${b.cards} cards in the DOM, main thread free) | ${est(b.interactiveMs, 0)} |`,
    `| remote edit: arrival → paint | ${est(b.arrivalToPaintMs, 1)} |`,
    `| remote edit: arrival → paint, p95 over all edits | ${f(b.arrivalToPaintP95, 1)} |`,
    `| typing: key press → next frame | ${est(b.keyToFrameMs, 1)} |`,
    '',
  );
  targets.push([
    'remote edit painted within one frame of arrival',
    '≤ 16.7 ms (median)',
    `${f(b.arrivalToPaintMs.median, 1)} ms`,
    verdict(b.arrivalToPaintMs.median <= 16.7),
  ]);
  if (b.phone && b.phone.length > 0) phoneSection(b.phone, out, targets);
}

/** Issue 13: the compact board on a 390×844 phone, unthrottled beside 4× CPU throttling. */
function phoneSection(phone: PhoneResult[], out: string[], targets: string[][]): void {
  const head = phone.map((p) => (p.cpuRate === 1 ? 'unthrottled' : `CPU ${p.cpuRate}× slower`));
  const row = (name: string, cell: (p: PhoneResult) => string) =>
    `| ${name} | ${phone.map(cell).join(' | ')} |`;
  const first = phone[0] as PhoneResult;
  out.push(
    `### 7b. The compact board on a phone (${first.cards} cards, 390×844, ${first.runs.length} runs each)`,
    '',
    "Chromium's CPU throttling (`Emulation.setCPUThrottlingRate`) slows the page's main thread as a low-end phone would. Key press → next frame while typing into a card (80 ms between keys); \"Add a card\" from the press on the Quality indicators button (the bottom section) to the first frame in which a new, empty card's field has focus, three times per run.",
    '',
    'Slow keys come in bursts while other processes hold the CPU (see the load average in the header): compare the p95 of each run.',
    '',
    `| figure | ${head.join(' | ')} |`,
    `| --- | ${phone.map(() => '---').join(' | ')} |`,
    row('interactive (median [95 % CI] ms)', (p) => est(p.interactiveMs, 0)),
    row('typing: key → frame p50 ms', (p) => f(p.keyToFrameP50, 1)),
    row('typing: key → frame p95 ms', (p) => f(p.keyToFrameP95, 1)),
    row('typing: key → frame max ms', (p) => f(p.keyToFrameMax, 1)),
    row('typing: key → frame p95 of each run ms', (p) =>
      p.runs.map((r) => f(quantile(r.keyToFrame, 0.95), 0)).join(' / '),
    ),
    row('"Add a card" → focused empty card, p50 ms', (p) => f(p.addCardP50, 0)),
    row('"Add a card" → focused empty card, max ms', (p) => f(p.addCardMax, 0)),
    '',
  );
  const slow = phone.find((p) => p.cpuRate === 4);
  if (!slow) return;
  targets.push(
    [
      'phone, CPU 4× slower, 200 cards: key → frame',
      '≤ 50 ms (p95)',
      `${f(slow.keyToFrameP95, 1)} ms`,
      verdict(slow.keyToFrameP95 <= 50),
    ],
    [
      'phone, CPU 4× slower, 200 cards: "Add a card" → focused empty card',
      '≤ 300 ms (every add)',
      `${f(slow.addCardMax, 0)} ms (max)`,
      verdict(slow.addCardMax <= 300),
    ],
  );
}

function soakSection(s: SoakResult, out: string[], targets: string[][]): void {
  out.push(
    `## 8. Soak (${s.durationS} s, ${s.sessions} sessions)`,
    '',
    `Short sessions one after another, ${s.concurrency} at a time, across ${s.workshops} workshops (${s.participants} participants), a workshop's people in turn, then the next workshop's: each opens the board (Yjs and socket.io, as the board page does), adds a card, types into it, waits until the server says it stored the edits, then leaves; an idle board unloads after 2 s, so every board is loaded, used and unloaded many times. Server RSS and live heap (heapUsed + external after a forced full GC) are sampled throughout; the warm-up is the first quarter. ${s.failedSessions} sessions failed.`,
    '',
    '| s | sessions | RSS MiB | live heap MiB |',
    '| --- | --- | --- | --- |',
    ...s.samples.map((x) => `| ${x.t} | ${x.sessions} | ${f(x.rssMiB, 1)} | ${f(x.liveMiB, 1)} |`),
    '',
    `At rest (nobody connected, every board unloaded): live heap ${f(s.atRest.afterWarmupMiB, 1)} MiB after the warm-up, ${f(s.atRest.atEndMiB, 1)} MiB at the end: **${f(s.atRest.kiBPer1000Sessions, 0)} KiB per 1,000 sessions** left behind. While sessions run, live heap changes ${f(s.afterWarmup.liveDeltaMiB, 1)} MiB from the first sample after warm-up to the last (peak ${f(s.afterWarmup.livePeakMiB, 1)} MiB; slope ${f(s.liveSlopeKiBPer1000Sessions, 0)} KiB per 1,000 sessions), RSS ${f(s.afterWarmup.rssDeltaMiB, 1)} MiB; that includes the loaded boards, which grow by one card per session.`,
    '',
  );
  targets.push([
    'memory flat after warm-up (soak, at rest)',
    '< 256 KiB live heap left per 1,000 sessions',
    `${f(s.atRest.kiBPer1000Sessions, 0)} KiB`,
    verdict(s.sessions >= 100 ? s.atRest.kiBPer1000Sessions < 256 : null),
  ]);
}

/** " (k NOT all moved)" when some fail-over runs ended before every client had moved. */
function notAllMoved(runs: { ok: boolean }[]): string {
  const k = runs.filter((x) => !x.ok).length;
  return k === 0 ? '' : ` (${k} NOT all moved)`;
}

/** Issue 12: two instances on Postgres and Redis against one on SQLite, same run. */
function scaleoutSection(
  s: ScaleoutResult,
  reconnect: BenchResults['reconnect'],
  out: string[],
  targets: string[][],
): void {
  const n = s.clients;
  out.push(
    '## 9. Scale-out: two instances on Postgres and Redis',
    '',
    `Two Purple processes in cluster mode (\`DATABASE_URL\` + \`REDIS_URL\`: a fresh Postgres database and Redis key prefix per run, dropped at the end; Postgres ${s.services.postgres}, Redis ${s.services.redis}) against one Purple process on SQLite, measured in the same run. ${(s.cpus ?? [0, 0]).every((c) => c === 0) ? 'Both instances are pinned to CPU 0, where the one instance runs, so they share the same CPU budget' : `The instances are pinned to CPUs ${(s.cpus ?? []).join(' and ')} (\`--scaleout-cpus\`), the one instance to CPU 0`}; the load generator stays on CPU 1; Postgres and Redis are not pinned. Clients are spread over the two instances (seat i on instance i mod 2), writers included.`,
    '',
  );
  const hp = 'two Hocuspocus instances (Redis extension)';
  // Null: left out with --no-hocuspocus (or, for 9.3, no Hocuspocus run completed).
  const notYet = 'not measured in this run';
  if (s.fanout) {
    const fo = s.fanout;
    const row = (name: string, x: NonNullable<typeof fo.hocuspocus>, r50: string, r99: string) =>
      `| ${name} | ${est(x.p50)} | ${est(x.p99)} | ${r50} | ${r99} | ${est(x.sameInstanceP50)} | ${est(x.otherInstanceP50)} | ${f(x.cpuMsPerEdit.reduce((a, b) => a + b, 0) / Math.max(x.cpuMsPerEdit.length, 1))} | ${x.p50.n} |`;
    out.push(
      `### 9.1 Fan-out, ${n} clients in one room${fo.boardCards > 0 ? ` on a ${fo.boardCards.toLocaleString('en-GB')}-record board` : ''}`,
      '',
      `${fo.writers} writers, ${fo.rate} edits/s, ${fo.edits} measured edits per run, interleaved runs; medians of each run's p50 / p99 (ms) with 95 % bootstrap intervals. Ratios: two instances ÷ one. "Own" / "other" split the two-instance arrivals by whether the receiving client is on the writer's instance (Redis + Postgres between them) or not.`,
      '',
      '| set-up | p50 ms | p99 ms | ratio p50 | ratio p99 | p50 own instance | p50 other instance | server CPU ms/edit | runs |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      row('one instance, SQLite', fo.single, '1', '1'),
      row('two instances, Postgres + Redis', fo.cluster, ratio(fo.ratioP50), ratio(fo.ratioP99)),
      fo.hocuspocus ? row(hp, fo.hocuspocus, '–', '–') : `| ${hp} | ${notYet} | | | | | | | |`,
      '',
      ...(fo.ratioP50Hocuspocus
        ? [
            `Purple's two instances ÷ Hocuspocus's two, p50: ${ratio(fo.ratioP50Hocuspocus)} (Hocuspocus relays an edit over Redis pub/sub and stores it seconds later; Purple orders and stores every edit in Postgres before anyone sees it).`,
            '',
          ]
        : []),
    );
    targets.push([
      `scale-out fan-out p50, ${n} clients over two instances (÷ one on SQLite)`,
      '≤ 1.5×',
      `${f(fo.ratioP50.ratio)}×`,
      verdict(fo.ratioP50.ratio <= 1.5),
    ]);
  }
  if (s.throughput) {
    const t = s.throughput;
    out.push(
      `### 9.2 Edits per second one workshop sustains (${t.clients} clients, ${t.writers} writers)`,
      '',
      `The stepping of section 2 (${t.rates.join(', ')} edits/s; sustained = the highest rate with p50 within 2× the lowest rate's, every edit delivered, the pace kept), fresh servers per run${t.hocuspocus ? ", interleaved; Hocuspocus's two instances share one SQLite file and this run's Redis prefix, and take the same light writers and clients in its framing" : ''}.`,
      '',
      '| set-up | sustained edits/s | runs | stopped by (first run) |',
      '| --- | --- | --- | --- |',
      `| one instance, SQLite | ${est(t.single.sustained, 0)} | ${t.single.runs.length} | ${t.single.runs[0]?.stoppedBy ?? '–'} |`,
      `| two instances, Postgres + Redis | ${est(t.cluster.sustained, 0)} | ${t.cluster.runs.length} | ${t.cluster.runs[0]?.stoppedBy ?? '–'} |`,
      t.hocuspocus
        ? `| ${hp} | ${est(t.hocuspocus.sustained, 0)} | ${t.hocuspocus.runs.length} | ${t.hocuspocus.runs[0]?.stoppedBy ?? '–'} |`
        : `| ${hp} | ${notYet} | | |`,
      '',
    );
  }
  if (s.failover) {
    const fv = s.failover;
    const same = reconnect?.sizes.find((x) => x.clients === n);
    const moved = fv.runs.map((x) => x.moved);
    out.push(
      `### 9.3 Fail-over: kill -9 of one of two instances, ${n} clients (board of ${fv.cards} cards)`,
      '',
      `From the kill until every client of the killed instance (${Math.min(...moved) === Math.max(...moved) ? Math.min(...moved) : `${Math.min(...moved)}–${Math.max(...moved)}`} per run) has synced again on the survivor, Yjs and socket.io. Clients reconnect with y-websocket's backoff (100 ms doubling to 2.5 s) and try the other instance's address on every attempt (a load balancer would route them the same way; bench/README.md says why not nginx here). Peak memory is the survivor's highest RSS until then (it already held the other half).${fv.hocuspocus ? " Hocuspocus's two instances (Redis extension, one SQLite file) fail over the same way, interleaved, on the same board (the same cards, ids and texts, checked back from its file before the runs); it has no socket.io, so its figure is the Yjs one." : ''} Beside it, one SQLite instance with the same clients and board killed and restarted on its port, interleaved with the fail-over runs (section 6's method: timed from listening again, peak = the new process's VmHWM), and section 6's own figures at the same size when this run has them.`,
      '',
      '| figure | all synced ms | socket.io back ms | peak MiB | runs |',
      '| --- | --- | --- | --- | --- |',
      `| two instances, Purple: clients move to the survivor | ${est(fv.allSyncedMs, 0)} | ${est(fv.allControlMs, 0)} | ${est(fv.peakRss, 1, MiB)} | ${fv.runs.length}${notAllMoved(fv.runs)} |`,
      fv.hocuspocus
        ? `| ${hp}: clients move to the survivor (Yjs only) | ${est(fv.hocuspocus.allSyncedMs, 0)} | – | ${est(fv.hocuspocus.peakRss, 1, MiB)} | ${fv.hocuspocus.runs.length}${notAllMoved(fv.hocuspocus.runs)} |`
        : `| ${hp} | ${notYet} | | | |`,
      `| one instance, Purple (SQLite): restart, interleaved with the fail-over | ${est(fv.restart.allSyncedMs, 0)} | – | ${est(fv.restart.peakRss, 1, MiB)} | ${fv.restart.runs.length}${fv.restart.runs.every((x) => x.ok) ? '' : ` (${fv.restart.runs.filter((x) => !x.ok).length} NOT all synced)`} |`,
      same
        ? `| one instance, Purple: restart (section 6) | ${est(same.purple.allSyncedMs, 0)} | – | ${est(same.purple.peakRss, 1, MiB)} | ${same.purple.runs.length} |`
        : `| one instance, Purple: restart (section 6) | not in this run at ${n} clients | | | |`,
      same
        ? `| reference (LevelDB): restart (section 6) | ${est(same.reference.allSyncedMs, 0)} | – | ${est(same.reference.peakRss, 1, MiB)} | ${same.reference.runs.length} |`
        : `| reference (LevelDB): restart (section 6) | not in this run at ${n} clients | | | |`,
      '',
    );
    if (fv.brokenRuns.length > 0)
      out.push(`Runs that broke before measuring: ${fv.brokenRuns.join('; ')}.`, '');
    targets.push([
      `for comparison: fail-over, ${n} clients ÷ one SQLite instance's restart in the same runs`,
      '–',
      `${f(fv.allSyncedMs.median / fv.restart.allSyncedMs.median)}×`,
      '–',
    ]);
    if (same) {
      const x = fv.allSyncedMs.median / same.reference.allSyncedMs.median;
      targets.push([
        `fail-over to the surviving instance, ${n} clients: all synced (÷ reference restart)`,
        '≤ 1.5×',
        `${f(x)}×`,
        verdict(Number.isFinite(x) ? x <= 1.5 : null),
      ]);
    }
  }
  if (s.join) {
    const j = s.join;
    out.push(
      `### 9.4 Joining a board of ${j.cards.toLocaleString('en-GB')} cards, cold`,
      '',
      "Section 4's board and client (a WebsocketProvider; connect → every card), on one instance just started: in cluster mode the board comes from Postgres, otherwise from SQLite.",
      '',
      '| store | content ms | sync ms | runs |',
      '| --- | --- | --- | --- |',
      `| SQLite | ${est(j.sqliteContentMs, 1)} | ${est(j.sqliteSyncMs, 1)} | ${j.sqlite.length} |`,
      `| Postgres | ${est(j.postgresContentMs, 1)} | ${est(j.postgresSyncMs, 1)} | ${j.postgres.length} |`,
      '',
      `Ratio Postgres ÷ SQLite (content): ${ratio(j.ratio)}.`,
      '',
    );
  }
  const failed = Object.keys(s.failed);
  if (failed.length > 0) out.push(`Parts that failed: ${failed.join(', ')} (see Errors).`, '');
}

/**
 * The vote page's first-load JavaScript (issue 4), measured by e2e/vote-size.spec.ts and
 * recorded in RESULTS-vote-page.md: its headline line, so this report names the figure.
 */
function votePageSection(): string[] {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'RESULTS-vote-page.md');
  if (!existsSync(file)) return [];
  const headline = readFileSync(file, 'utf8')
    .split('\n')
    .find((line) => line.startsWith('**'));
  if (!headline) return [];
  return [
    '## Vote page first-load JavaScript (gzipped)',
    '',
    `${headline} Method and breakdown: \`RESULTS-vote-page.md\`; \`e2e/vote-size.spec.ts\` measures it on every \`npm run test:e2e\` and fails above 170 KiB.`,
    '',
  ];
}
