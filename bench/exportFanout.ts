/**
 * Fan-out while an export runs (issue 10): a real Purple server in this process with a
 * 2,000-card board (50 decisions and 30 indicators with their records), 50 participants
 * and 3 closed rounds; one writer appends a character
 * every 50 ms and one reader notes when each arrives. p50/p99 are measured idle and while
 * the summary is exported back to back (PDF, then DOCX, then the rest).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type * as Y from 'yjs';
import { applyTextEdit, createCard, readCard } from '../lib/board/doc';
import { applyFieldEdit, setFieldValue } from '../lib/board/records';
import { benchSection } from '../lib/summary/fixture';
import { SUMMARY_FORMATS, type SummaryFormat } from '../lib/summary/formats';
import { purple } from '../server/facade';
import {
  ask,
  connectControl,
  connectY,
  createWorkshop,
  join,
  startTestServer,
  stopTestServer,
  waitFor,
} from '../tests/integration/harness';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

type Ctl = ReturnType<typeof connectControl>;

/**
 * The records of issue 10's bench board: each decision's "Why", the priorities it answers,
 * its outcome and two actions; each indicator's measure, what it serves and three readings.
 */
async function benchRecords(ids: string[], doc: Y.Doc, fac: Ctl, pink: Ctl) {
  const must = (r: { ok: boolean }) => {
    if (!r.ok) throw new Error(`bench records: ${JSON.stringify(r)}`);
  };
  const priorities = ids.filter((_, i) => benchSection(i) === 'priorities');
  const links = (i: number) => [0, 1, 2].map((k) => priorities[(i * 3 + k) % priorities.length]!);
  for (const [i, id] of ids.entries()) {
    const section = benchSection(i);
    if (section === 'decisions') {
      applyFieldEdit(doc, id, 'rationale', `Because of reason ${i}, and more words`, 'bench');
      setFieldValue(doc, id, 'answers', links(i), 'bench');
    } else if (section === 'indicators') {
      applyFieldEdit(doc, id, 'measure', `Measure ${i}`, 'bench');
      setFieldValue(doc, id, 'serves', links(i), 'bench');
    }
  }
  for (const [i, id] of ids.entries()) {
    const section = benchSection(i);
    if (section === 'decisions') {
      must(await ask(fac, 'outcome:save', { decisionId: id, outcome: 'agreed' }));
      for (const k of [1, 2])
        must(
          await ask(fac, 'action:add', {
            decisionId: id,
            what: `Action ${k}`,
            who: 'Ward sister',
            byWhen: null,
          }),
        );
    } else if (section === 'indicators') {
      for (const k of [1, 2, 3])
        must(
          await ask(pink, 'reading:add', { indicatorId: id, value: 40 + k, date: `2026-12-0${k}` }),
        );
    }
  }
}

/** Measure; `cards` and `people` size the board, `edits` per phase. */
export async function exportFanout(cards: number, people: number, edits: number) {
  const server = await startTestServer();
  try {
    const w = await createWorkshop(server);
    const actors = [];
    for (let i = 1; i < people; i++)
      actors.push(await join(server, i % 2 ? w.tokens.people : w.tokens.system, { name: `P${i}` }));
    const [pinkA, blueA] = [actors[0]!, actors[1]!];
    const writer = connectY(server, pinkA);
    const reader = connectY(server, blueA);
    await Promise.all([writer.synced, reader.synced]);
    let last = '';
    const made: string[] = [];
    for (let i = 0; i < cards; i++) {
      last = createCard(writer.doc, benchSection(i), `Card ${i}: some words people wrote together`);
      made.push(last);
      if (i % 200 === 199)
        await waitFor('cards stored', () => readCard(reader.doc, last) !== null, 60_000);
    }
    await waitFor('cards stored', () => readCard(reader.doc, last) !== null, 60_000);
    const fac = connectControl(w.facilitator);
    await benchRecords(made, writer.doc, fac, connectControl(pinkA));
    const voters = actors.slice(0, 10).map((a) => connectControl(a));
    for (let r = 0; r < 3; r++) {
      const o = await ask(fac, 'round:open', { section: 'priorities', budget: 5, perCardCap: 3 });
      if (!o.ok) throw new Error(o.message);
      const cands = [...Array(cards).keys()]
        .filter((i) => benchSection(i) === 'priorities')
        .slice(0, 5);
      for (const [k, v] of voters.entries()) {
        const id = [...readCardIds(reader.doc)][(cands[k % cands.length] ?? 1) % cards];
        if (id)
          await ask(v, 'ballot:cast', {
            roundId: o.roundId,
            cardId: id,
            dots: 1,
            key: `b-${r}-${k}-xxxxxx`,
          });
      }
      await ask(fac, 'round:close', { roundId: o.roundId });
    }
    const target = createCard(writer.doc, 'context', '');
    await waitFor('target', () => readCard(reader.doc, target) !== null);
    const sent = new Map<string, number>();
    const lat: number[] = [];
    reader.doc.on('update', () => {
      const text = readCard(reader.doc, target)?.text ?? '';
      const t = sent.get(text);
      if (t !== undefined) {
        lat.push(performance.now() - t);
        sent.delete(text);
      }
    });
    const phase = async () => {
      lat.length = 0;
      const loop = monitorEventLoopDelay({ resolution: 5 });
      loop.enable();
      let text = readCard(writer.doc, target)?.text ?? '';
      for (let i = 0; i < edits; i++) {
        text += String.fromCharCode(97 + (i % 26));
        sent.set(text, performance.now());
        applyTextEdit(writer.doc, target, text, 'bench');
        await new Promise((r) => setTimeout(r, 50));
      }
      await waitFor('last edit', () => sent.size === 0, 30_000).catch(() => undefined);
      loop.disable();
      return {
        p50: pct(lat, 50),
        p99: pct(lat, 99),
        n: lat.length,
        loopMaxMs: loop.max / 1e6,
        loopP99Ms: loop.percentile(99) / 1e6,
      };
    };
    const idle = await phase();
    const cookie = w.facilitator.cookie.slice(w.facilitator.cookie.indexOf('=') + 1);
    let exporting = true;
    let exports = 0;
    const order: SummaryFormat[] = [
      'pdf',
      'docx',
      ...(Object.keys(SUMMARY_FORMATS) as SummaryFormat[]),
    ];
    const loop = (async () => {
      for (let i = 0; exporting; i++) {
        const r = await purple().summaryExport(w.workshopId, cookie, order[i % order.length]!);
        if (!r.ok) throw new Error(r.message);
        exports++;
      }
    })();
    const busy = await phase();
    exporting = false;
    await loop;
    for (const c of [fac, ...voters]) c.disconnect();
    writer.destroy();
    reader.destroy();
    return { idle, duringExport: { ...busy, exports } };
  } finally {
    await stopTestServer(server);
  }
}

function* readCardIds(doc: import('yjs').Doc): Generator<string> {
  for (const key of doc.getMap('cards').keys()) yield key;
}
