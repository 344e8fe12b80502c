/**
 * Reads a V8 `.cpuprofile` (node --cpu-prof) and says where the time went: self time by
 * category (Yjs, lib0, ws, SQLite, Purple's server code, GC, …), the top functions by self
 * time, and the inclusive time of the functions on each server's edit path, per edit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  file: string;
  /** Wall time covered by the profile, ms. */
  totalMs: number;
  /** Non-idle time, ms. */
  busyMs: number;
  edits: number;
  categories: { name: string; ms: number; usPerEdit: number }[];
  topSelf: { fn: string; where: string; ms: number }[];
  /** Inclusive time of the edit-path functions (all their callees). */
  editPath: { fn: string; ms: number; usPerEdit: number }[];
}

/** Functions whose inclusive time is the per-edit work of each server. */
const EDIT_PATH = [
  // reference: @y/websocket-server src/utils.js
  'messageListener',
  'readSyncMessage',
  'updateHandler',
  // Purple: server/yjs/room.ts and endpoint.ts
  'process',
  'accept',
  'inspectUpdate',
  'appendUpdate',
  'applyUpdate',
  'broadcastUpdate',
  'encodeJsonMessage',
  'admit',
  // shared
  'send',
  'sendFrame',
  'writev',
  'writeUtf8String',
];

function category(url: string, fn: string): string {
  if (fn === '(idle)') return 'idle';
  if (fn === '(garbage collector)') return 'GC';
  if (fn === '(program)') return 'V8/native (program)';
  if (url.includes('/node_modules/yjs/')) return 'yjs';
  if (url.includes('/node_modules/lib0/')) return 'lib0';
  if (url.includes('/node_modules/y-protocols/')) return 'y-protocols';
  if (url.includes('/node_modules/ws/')) return 'ws';
  if (url.includes('/node_modules/better-sqlite3/') || url.includes('/node_modules/kysely/'))
    return 'SQLite (better-sqlite3, kysely)';
  if (url.includes('/node_modules/socket.io') || url.includes('/node_modules/engine.io'))
    return 'socket.io';
  if (url.includes('/node_modules/zod/')) return 'zod';
  if (url.includes('/node_modules/@y/websocket-server/')) return 'reference server code';
  if (url.includes('/node_modules/tsx/') || url.includes('/node_modules/esbuild'))
    return 'tsx loader';
  if (url.includes('/server/store/')) return 'Purple store code';
  if (url.includes('/server/')) return 'Purple server code';
  if (url.includes('/lib/')) return 'Purple lib code';
  if (url.startsWith('node:') || url === '') return 'Node internals / native';
  return 'other';
}

export function summariseProfile(file: string, edits: number): ProfileSummary {
  const prof = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const n of prof.nodes) byId.set(n.id, n);
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  for (let i = 0; i < prof.samples.length; i++) {
    const id = prof.samples[i] ?? 0;
    const dt = prof.timeDeltas[i + 1] ?? 0;
    self.set(id, (self.get(id) ?? 0) + dt);
  }
  const cats = new Map<string, number>();
  const fns = new Map<string, { where: string; us: number }>();
  const inclusive = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, us] of self) {
    const node = byId.get(id);
    if (!node) continue;
    total += us;
    const { functionName, url, lineNumber } = node.callFrame;
    const fn = functionName || '(anonymous)';
    const cat = category(url, fn);
    if (cat === 'idle') idle += us;
    cats.set(cat, (cats.get(cat) ?? 0) + us);
    const where = `${url.replace(/^.*\/(node_modules|server|lib)\//, '$1/')}:${lineNumber + 1}`;
    const key = `${fn} ${where}`;
    const f = fns.get(key) ?? { where, us: 0 };
    f.us += us;
    fns.set(key, f);
    // Inclusive: count this sample once for every distinct edit-path name on its stack.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const name = byId.get(cur)?.callFrame.functionName ?? '';
      if (EDIT_PATH.includes(name) && !seen.has(name)) {
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + us);
      }
    }
  }
  const perEdit = (us: number) => (edits > 0 ? us / edits : Number.NaN);
  return {
    file: path.basename(file),
    totalMs: total / 1000,
    busyMs: (total - idle) / 1000,
    edits,
    categories: [...cats]
      .filter(([name]) => name !== 'idle')
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({ name, ms: us / 1000, usPerEdit: perEdit(us) })),
    topSelf: [...fns]
      .filter(([k]) => !k.startsWith('(idle)'))
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, 15)
      .map(([k, v]) => ({ fn: k.split(' ')[0] ?? k, where: v.where, ms: v.us / 1000 })),
    editPath: EDIT_PATH.filter((n) => inclusive.has(n)).map((fn) => ({
      fn,
      ms: (inclusive.get(fn) ?? 0) / 1000,
      usPerEdit: perEdit(inclusive.get(fn) ?? 0),
    })),
  };
}

/** Summarise the one profile a server wrote into `dir`. */
export function summariseProfileDir(dir: string, edits: number): ProfileSummary {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile in ${dir} (did the server exit cleanly?)`);
  return summariseProfile(path.join(dir, file), edits);
}
