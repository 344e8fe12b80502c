/**
 * One export measurement in its own process (so peak memory is its own): build the
 * seeded large summary input, then time `step` (the model, or one format) `runs` times,
 * with the longest event-loop block seen meanwhile. Prints one JSON line.
 * Usage: node --import tsx bench/exportRender.ts <step> <cards> <people> <runs>
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildSummary } from '../lib/summary/buildSummary';
import { largeSummaryFixture } from '../lib/summary/fixture';
import type { SummaryFormat } from '../lib/summary/formats';
import { RENDERERS } from '../server/summary/renderSummary';

const [step = 'model', cardsArg = '2000', peopleArg = '50', runsArg = '5'] = process.argv.slice(2);
const input = largeSummaryFixture(Number(cardsArg), Number(peopleArg));
const model = buildSummary(input);
const run = async () =>
  step === 'model' ? buildSummary(input) : RENDERERS[step as SummaryFormat](model);

async function main(): Promise<void> {
  await run(); // warm up: module loading and JIT are not part of an export's cost
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < Number(runsArg); i++) {
    const t = performance.now();
    const out = await run();
    times.push(performance.now() - t);
    bytes = out instanceof Uint8Array ? out.byteLength : JSON.stringify(out).length;
    // Let the loop turn so the delay monitor records how long this run held it.
    await new Promise((r) => setTimeout(r, 5));
  }
  h.disable();
  times.sort((a, b) => a - b);
  const peakMiB = (process.resourceUsage().maxRSS * 1024 - rssBefore) / 2 ** 20;
  process.stdout.write(
    `${JSON.stringify({
      step,
      medianMs: times[Math.floor(times.length / 2)],
      maxMs: times.at(-1),
      peakRssAboveBaselineMiB: Math.max(0, peakMiB),
      longestBlockMs: h.max / 1e6,
      bytes,
    })}\n`,
  );
}

void main();
