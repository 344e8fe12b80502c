/**
 * Worst frames (issue 8 §1): for each hostile shape in bench/lib/worstFrames.ts at the
 * per-frame cap (FRAME_LIMITS), how long the process is blocked inspecting it and handling
 * it in a real `Room` (inspect, store in SQLite, apply), each as a ratio to `Y.applyUpdate`
 * of the same frame on a copy of the board. Also measures what an honest y-websocket client
 * sends after a long offline session, to show the caps sit far above it. In-process and
 * single-threaded: every figure is time the event loop could do nothing else.
 */
import * as Y from 'yjs';
import { cardText, createCard, moveCard } from '../lib/board/doc';
import { FRAME_LIMITS, inspectUpdate } from '../server/yjs/inspectUpdate';
import type { Ctx } from './lib/context';
import { RoomRig, step2Message, updateMessage } from './lib/roomRig';
import { median } from './lib/stats';
import { type Base, makeBase, SHAPES } from './lib/worstFrames';

const SENDER = 1001;

/** One shape at one size. */
export interface WorstFrameRow {
  shape: string;
  what: string;
  n: number;
  bytes: number;
  /** 'accepted', or the refusal's reason and detail. */
  outcome: string;
  applyMs: number;
  /** Set when Y.applyUpdate itself throws on the frame. */
  applyError?: string;
  inspectMs: number;
  roomMs: number;
}

/** What an honest client sent after editing offline. */
export interface HonestFrame {
  cards: number;
  keystrokes: number;
  bytes: number;
  structs: number;
  deleteRanges: number;
  outcome: string;
}

export interface WorstFrameResult {
  limits: typeof FRAME_LIMITS;
  runs: number;
  rows: WorstFrameRow[];
  honest: HonestFrame;
}

const timed = (fn: () => void): number => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

function applyOnce(base: Base, frame: Uint8Array): { ms: number; error?: string } {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(base.server));
  try {
    return { ms: timed(() => Y.applyUpdate(copy, frame)) };
  } catch (err) {
    return { ms: Number.NaN, error: String(err) };
  } finally {
    copy.destroy();
  }
}

function inspectOnce(base: Base, frame: Uint8Array): { ms: number; outcome: string } {
  let outcome = '';
  const ms = timed(() => {
    const r = inspectUpdate(frame, {
      doc: base.server,
      bindings: new Map([[SENDER, 'p1']]),
      participantId: 'p1',
      mayWrite: true,
      mode: 'update',
    });
    outcome = r.ok ? 'accepted' : `${r.reason}: ${r.detail}`;
  });
  return { ms, outcome };
}

/** Handle the frame in a fresh Room whose board matches `base`; the blocked time. */
async function roomOnce(base: Base, frame: Uint8Array): Promise<number> {
  const rig = await RoomRig.open([['p1', 'people']]);
  try {
    const conn = await rig.connect('p1', SENDER);
    await rig.room.handleMessage(conn, step2Message(Y.encodeStateAsUpdate(base.sender)));
    const t = performance.now();
    await rig.room.handleMessage(conn, updateMessage(frame));
    return performance.now() - t;
  } finally {
    await rig.close();
  }
}

async function measureShape(
  shape: (typeof SHAPES)[number],
  n: number,
  runs: number,
): Promise<WorstFrameRow> {
  const base = makeBase(SENDER);
  const frame = shape.build(base, n);
  const apply: number[] = [];
  const inspect: number[] = [];
  const room: number[] = [];
  let outcome = '';
  let applyError: string | undefined;
  for (let i = 0; i <= runs; i++) {
    const a = applyOnce(base, frame);
    const s = inspectOnce(base, frame);
    const r = await roomOnce(base, frame);
    if (i === 0) continue; // warm-up
    apply.push(a.ms);
    applyError = a.error;
    inspect.push(s.ms);
    outcome = s.outcome;
    room.push(r);
  }
  return {
    shape: shape.name,
    what: shape.what,
    n,
    bytes: frame.length,
    outcome,
    applyMs: median(apply),
    ...(applyError ? { applyError } : {}),
    inspectMs: median(inspect),
    roomMs: median(room),
  };
}

/** Issue 8's own frame (85,000 one-char items after one character, 897 KiB), over the cap. */
async function overCap(n: number, runs: number): Promise<WorstFrameRow> {
  const shape = SHAPES[0] as (typeof SHAPES)[number];
  const base = makeBase(SENDER);
  const frame = shape.build(base, n);
  const inspect: number[] = [];
  const room: number[] = [];
  let outcome = '';
  for (let i = 0; i <= runs; i++) {
    const s = inspectOnce(base, frame);
    const r = await roomOnce(base, frame);
    if (i === 0) continue;
    inspect.push(s.ms);
    room.push(r);
    outcome = s.outcome;
  }
  return {
    shape: `${shape.name} (issue 8's frame)`,
    what: 'refused by the struct cap, before any placement',
    n,
    bytes: frame.length,
    outcome,
    applyMs: Number.NaN,
    applyError: 'not run: before the fix this frame blocked for over 200 s',
    inspectMs: median(inspect),
    roomMs: median(room),
  };
}

/** A client that edits `cards` cards offline, keystroke by keystroke, as the editor does. */
function honestOffline(cards: number, keystrokes: number): HonestFrame {
  const base = makeBase(SENDER);
  const client = base.sender;
  let seed = 7;
  const rand = (k: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % k;
  };
  for (let c = 0; c < cards; c++) {
    const id = createCard(client, 'priorities', '', { id: `offline-${c}` });
    const text = cardText(client, id);
    for (let k = 0; k < keystrokes && text; k++) {
      // Mostly typing on, sometimes clicking elsewhere or deleting, as people edit.
      const at = rand(10) < 7 ? text.length : rand(text.length + 1);
      if (rand(10) < 2 && text.length > 0) text.delete(Math.min(at, text.length - 1), 1);
      else text.insert(at, String.fromCharCode(97 + rand(26)));
    }
    if (c % 3 === 0) moveCard(client, id, 'context', 0);
  }
  const frame = Y.encodeStateAsUpdate(client, Y.encodeStateVector(base.server));
  const decoded = Y.decodeUpdate(frame);
  let ranges = 0;
  for (const r of decoded.ds.clients.values()) ranges += r.length;
  return {
    cards,
    keystrokes,
    bytes: frame.length,
    structs: decoded.structs.length,
    deleteRanges: ranges,
    outcome: inspectOnce(base, frame).outcome,
  };
}

/** Run every shape at the cap (or at `n` in the quick run). */
export async function measureWorstFrames(ctx: Ctx): Promise<WorstFrameResult> {
  const quick = ctx.cfg.quick;
  const runs = quick ? 1 : 9;
  const rows: WorstFrameRow[] = [];
  for (const shape of SHAPES) {
    const n = quick ? Math.min(200, FRAME_LIMITS[shape.cap]) : FRAME_LIMITS[shape.cap];
    const row = await measureShape(shape, n, runs);
    ctx.log(
      `  ${shape.name} n=${n}: apply ${row.applyMs.toFixed(1)} ms, inspect ${row.inspectMs.toFixed(1)} ms, room ${row.roomMs.toFixed(1)} ms (${row.outcome})`,
    );
    rows.push(row);
  }
  rows.push(await overCap(quick ? FRAME_LIMITS.structs + 1 : 85_000, runs));
  ctx.log(`  issue 8's frame over the cap: inspect ${rows.at(-1)?.inspectMs.toFixed(1)} ms`);
  const honest = quick ? honestOffline(5, 50) : honestOffline(40, 250);
  ctx.log(`  honest offline step 2: ${honest.structs} structs, ${honest.bytes} bytes`);
  return { limits: FRAME_LIMITS, runs, rows, honest };
}

const f = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const r = (x: number, y: number) => (Number.isFinite(x / y) ? `${(x / y).toFixed(2)}×` : '–');

/** The report section (targets: inspection ≤ 3× applyUpdate, nothing blocks over 50 ms). */
export function worstFrameSection(w: WorstFrameResult, out: string[], targets: string[][]): void {
  out.push(
    '## Worst frames (issue 8 §1)',
    '',
    `Each hostile shape at its per-frame cap (${w.limits.structs} structs, ${w.limits.clients} clientIDs or ${w.limits.deleteRanges} delete ranges; also ${w.limits.insertedChars} inserted characters), built against a board where the sender owns one 200-character card. Medians of ${w.runs} runs after a warm-up, in one process: the time the event loop is blocked. "Outcome" is the inspection's verdict; "Room" is \`Room.handleMessage\` (inspect, card limits, store in SQLite, broadcast, apply) in a fresh room, where the card limit (2,500 a board) refuses many-cards before the store. Targets: inspection ≤ 3× \`Y.applyUpdate\` of the same frame, and nothing over 50 ms.`,
    '',
    '| shape | n | bytes | outcome | applyUpdate ms | inspect ms | inspect ÷ apply | Room ms | Room ÷ apply |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const x of w.rows) {
    const apply = x.applyError
      ? x.applyError.startsWith('not run')
        ? x.applyError
        : `throws (${x.applyError.slice(0, 40)})`
      : f(x.applyMs);
    out.push(
      `| ${x.shape} | ${x.n} | ${x.bytes} | ${x.outcome.slice(0, 70)} | ${apply} | ${f(x.inspectMs)} | ${r(x.inspectMs, x.applyMs)} | ${f(x.roomMs)} | ${r(x.roomMs, x.applyMs)} |`,
    );
  }
  const h = w.honest;
  out.push(
    '',
    `Honest client, for scale: after creating ${h.cards} cards offline with ${h.keystrokes} keystrokes each (typing, clicks elsewhere, deletions, some moves), its sync step 2 held ${h.structs} structs and ${h.deleteRanges} delete ranges in ${h.bytes} bytes (${h.outcome}).`,
    '',
  );
  const inspectWorst = Math.max(
    ...w.rows.map((x) => x.inspectMs / x.applyMs).filter(Number.isFinite),
  );
  const blockWorst = Math.max(...w.rows.map((x) => Math.max(x.inspectMs, x.roomMs)));
  targets.push(
    [
      'worst frame: inspection ÷ applyUpdate',
      '≤ 3×',
      `${inspectWorst.toFixed(2)}×`,
      inspectWorst <= 3 ? '**PASS**' : '**MISS**',
    ],
    [
      'worst frame: longest block',
      '≤ 50 ms',
      `${blockWorst.toFixed(1)} ms`,
      blockWorst <= 50 ? '**PASS**' : '**MISS**',
    ],
  );
}
