/**
 * `npm run bench -- --only=export` (and a small version in bench:quick): the summary's
 * export section (issue 10). For the model and every format: median time and peak memory,
 * each in its own process, on a 2,000-card board with 50 participants, 3 rounds, 50
 * decisions and 30 indicators with their records (outcomes, actions, readings). Then
 * fan-out p50/p99 idle and while exports run. Writes RESULTS-export.md and its JSON.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { SUMMARY_FORMATS } from '../lib/summary/formats';
import { exportFanout } from './exportFanout';

/** One step's figures, as `exportRender.ts` prints them. */
interface RenderRow {
  step: string;
  medianMs: number;
  maxMs: number;
  peakRssAboveBaselineMiB: number;
  longestBlockMs: number;
  bytes: number;
}

/** Everything the export section measures. */
export interface ExportResults {
  date: string;
  cards: number;
  people: number;
  rounds: number;
  runs: number;
  render: RenderRow[];
  fanout: Awaited<ReturnType<typeof exportFanout>>;
  /** One-minute load average before and after the fan-out part: the machine is shared. */
  load?: { before: number; after: number };
}

const TARGET_MS: Record<string, number> = { model: 200, markdown: 500, csv: 500, json: 500 };

/** Run the export section; `quick` uses a small board. */
export async function measureExport(
  quick: boolean,
  outDir: string,
  log: (m: string) => void,
): Promise<ExportResults> {
  const cards = quick ? 200 : 2000;
  const people = quick ? 10 : 50;
  const runs = quick ? 2 : 5;
  const steps = ['model', ...Object.keys(SUMMARY_FORMATS)];
  const render = steps.map((step) => {
    const out = execFileSync(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        path.join(import.meta.dirname, 'exportRender.ts'),
        step,
        String(cards),
        String(people),
        String(runs),
      ],
      { encoding: 'utf8' },
    );
    const r = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as RenderRow;
    log(
      `export ${step}: ${r.medianMs.toFixed(1)} ms, +${r.peakRssAboveBaselineMiB.toFixed(1)} MiB, block ${r.longestBlockMs.toFixed(0)} ms`,
    );
    return r;
  });
  log('export: fan-out idle and during exports');
  const before = loadavg()[0] ?? 0;
  const fanout = await exportFanout(cards, people, quick ? 40 : 200);
  const load = { before, after: loadavg()[0] ?? 0 };
  const results: ExportResults = {
    date: new Date().toISOString(),
    cards,
    people,
    rounds: 3,
    runs,
    render,
    fanout,
    load,
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'results-export.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(outDir, 'RESULTS-export.md'), exportReport(results, quick));
  return results;
}

/**
 * Issue 10's targets, for the PASS/MISS table: each step's median time, and the longest
 * event-loop delay while exporting (with the idle figure beside it, since the machine's
 * own noise shows there too).
 */
export function exportTargets(r: ExportResults): [string, string, string, boolean][] {
  const f = r.fanout;
  return [
    ...r.render.map((x): [string, string, string, boolean] => {
      const target = TARGET_MS[x.step] ?? 5000;
      return [
        `export: ${x.step}`,
        `≤ ${target} ms (median)`,
        `${x.medianMs.toFixed(1)} ms`,
        x.medianMs <= target,
      ];
    }),
    [
      "export never blocks the room's edits",
      '≤ 50 ms longest event-loop delay while exporting',
      `${f.duringExport.loopMaxMs.toFixed(0)} ms (idle ${f.idle.loopMaxMs.toFixed(0)} ms${r.load ? `, load ${r.load.before.toFixed(1)}` : ''})`,
      f.duringExport.loopMaxMs <= 50,
    ],
  ];
}

/** The export section as Markdown (RESULTS-export.md, and a section of RESULTS.md). */
export function exportReport(r: ExportResults, quick: boolean): string {
  const rows = r.render.map(
    (x) =>
      `| ${x.step} | ${x.medianMs.toFixed(1)} | ${x.maxMs.toFixed(1)} | ${x.peakRssAboveBaselineMiB.toFixed(1)} | ${x.longestBlockMs.toFixed(0)} | ${TARGET_MS[x.step] ?? 5000} | ${(x.bytes / 1024).toFixed(0)} |`,
  );
  const f = r.fanout;
  return [
    `# Summary export (${quick ? 'quick' : 'full'} run)`,
    '',
    `Measured ${r.date} on a ${r.cards}-card board with ${r.people} participants, ${r.rounds} closed rounds, 50 decisions and 30 indicators with their records (median of ${r.runs} runs after one warm-up, each step in its own Node process).`,
    '',
    '| step | median ms | max ms | peak RSS above baseline MiB | longest event-loop block ms | target ms | output KiB |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    '## Fan-out while exporting',
    '',
    "One writer appends a character every 50 ms; one reader notes its arrival. Server and both clients share one process (so a blocked event loop delays both ends, which is what this shows). The target is the exporting row's longest event-loop delay ≤ 50 ms; the idle row is the same process without exports, so the difference is what exporting adds. The machine is shared by others: a delay can also be the process waiting for a core.",
    '',
    ...(r.load
      ? [
          `Load average (1 min) before ${r.load.before.toFixed(2)}, after ${r.load.after.toFixed(2)} (2 cores).`,
          '',
        ]
      : []),
    '| phase | edits seen | p50 ms | p99 ms | event-loop delay p99 ms | longest event-loop delay ms | exports finished |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...(
      [
        ['idle', f.idle, 0],
        ['exporting back to back', f.duringExport, f.duringExport.exports],
      ] as const
    ).map(
      ([name, x, n]) =>
        `| ${name} | ${x.n} | ${x.p50.toFixed(1)} | ${x.p99.toFixed(1)} | ${x.loopP99Ms?.toFixed(0) ?? '–'} | ${x.loopMaxMs.toFixed(0)} | ${n} |`,
    ),
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const quick = process.argv.includes('--quick');
  const out =
    process.argv.find((a) => a.startsWith('--out='))?.slice(6) ??
    (quick ? 'bench/tmp/quick' : 'bench');
  measureExport(quick, out, (m) => process.stdout.write(`${m}\n`))
    .then(() => process.exit(0))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
