/**
 * The bench's second reference (issue 12): Hocuspocus started by `bench/lib/hocuspocus.ts`
 * as a real process, and the bench's own clients speaking its framing. An edit made through
 * a real HocuspocusProvider reaches a light client; the document survives a restart from the
 * SQLite file; two instances with the Redis extension on one prefix serve one document.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  hocuspocusAuth,
  hocuspocusFrame,
  LightClient,
  makeToken,
  ProviderClient,
  until,
} from '../../bench/lib/clients';
import { interleave, interleaveAll } from '../../bench/lib/context';
import { type HocuspocusProc, hocuspocusSeat, startHocuspocus } from '../../bench/lib/hocuspocus';
import { freshDir } from '../../bench/lib/purpleSetup';
import { ensureRedis, uniquePrefix } from '../../scripts/ensureRedis';

const dirs: string[] = [];
const servers: HocuspocusProc[] = [];
const closers: (() => void)[] = [];

afterAll(async () => {
  for (const close of closers) close();
  for (const s of servers) await s.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function dir(): string {
  const d = freshDir('hocuspocus-test-');
  dirs.push(d);
  return d;
}

async function start(opts: Parameters<typeof startHocuspocus>[0]): Promise<HocuspocusProc> {
  const s = await startHocuspocus(opts);
  servers.push(s);
  return s;
}

/** A light client collecting the edit tokens it receives (in `got`). */
async function listener(
  server: HocuspocusProc,
  doc: string,
): Promise<{ got: number[]; client: LightClient }> {
  const got: number[] = [];
  const client = new LightClient(hocuspocusSeat(server, doc), { onToken: (id) => got.push(id) });
  closers.push(() => client.close());
  client.connect();
  await client.whenSynced();
  return { got, client };
}

async function writer(server: HocuspocusProc, doc: string): Promise<ProviderClient> {
  const w = new ProviderClient(hocuspocusSeat(server, doc), { awareness: false });
  closers.push(() => w.destroy());
  await w.synced;
  return w;
}

describe("Hocuspocus's framing", () => {
  it('prefixes the document name and authenticates with a token first', () => {
    const body = new Uint8Array([0, 2, 1, 7]);
    // "ab" as a lib0 varString is its length then its bytes.
    expect([...hocuspocusFrame('ab', body)]).toEqual([2, 0x61, 0x62, 0, 2, 1, 7]);
    expect([...hocuspocusAuth('ab', 't')]).toEqual([2, 0x61, 0x62, 2, 0, 1, 0x74]);
  });
});

describe('Hocuspocus as the bench starts it', () => {
  it('carries an edit from a HocuspocusProvider to a light client, and keeps it across a restart', async () => {
    const dataDir = dir();
    const first = await start({ dataDir });
    const { got, client } = await listener(first, 'board');
    const w = await writer(first, 'board');
    w.doc.getText('t').insert(0, `seen ${makeToken(42)}`);
    await until('the edit to reach the light client', () => got.includes(42));
    // Other documents on the same server are separate.
    const elsewhere = await writer(first, 'another-board');
    expect(elsewhere.doc.getText('t').toString()).toBe('');

    // Every client goes first: a provider left open would reconnect to the restarted server
    // on the same port and bring the text back itself.
    client.close();
    w.destroy();
    elsewhere.destroy();
    await first.stop();
    const again = await start({ dataDir, port: first.port });
    expect(again.dbFile).toBe(first.dbFile);
    const reader = await writer(again, 'board');
    expect(reader.doc.getText('t').toString()).toBe(`seen ${makeToken(42)}`);
  });

  it('serves one document from two instances sharing a Redis prefix and a SQLite file', async () => {
    const url = new URL((await ensureRedis()).url);
    const redis = { host: url.hostname, port: Number(url.port || 6379), prefix: uniquePrefix() };
    const dataDir = dir();
    const a = await start({ dataDir, redis, name: 'a' });
    const b = await start({ dataDir, redis, name: 'b' });
    const onB = (await listener(b, 'shared')).got;
    const onA = (await listener(a, 'shared')).got;
    const wa = await writer(a, 'shared');
    wa.doc.getText('t').insert(0, makeToken(7));
    await until('an edit on A to reach B', () => onB.includes(7));
    const wb = await writer(b, 'shared');
    wb.doc.getText('t').insert(0, makeToken(8));
    await until('an edit on B to reach A', () => onA.includes(8));
    expect(wb.doc.getText('t').toString()).toContain(makeToken(7));
  });
});

describe('interleaveAll', () => {
  it('alternates two servers exactly as interleave does', () => {
    for (let r = 0; r < 6; r++)
      expect(interleaveAll(r, ['a', 'b'])).toEqual(interleave(r, 'a', 'b'));
  });

  it('gives three servers all six orders in six runs, each pair both ways every two runs', () => {
    const orders = Array.from({ length: 6 }, (_, r) => interleaveAll(r, ['a', 'b', 'c']).join(''));
    expect(new Set(orders).size).toBe(6);
    for (let r = 0; r < 6; r += 2) {
      for (const [x, y] of [
        ['a', 'b'],
        ['a', 'c'],
        ['b', 'c'],
      ] as const) {
        const xFirst = (o: string) => o.indexOf(x) < o.indexOf(y);
        expect(xFirst(orders[r] as string)).not.toBe(xFirst(orders[r + 1] as string));
      }
    }
  });
});
