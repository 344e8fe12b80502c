/**
 * Load-generator side of idle sessions: N connected clients that do nothing but stay
 * connected (memory, idle traffic, reconnect storm). For Purple each participant also has
 * its socket.io control connection, as the board page opens both.
 */
import type { Socket } from 'socket.io-client';
import {
  connectControl,
  type FrameCounts,
  inBatches,
  isPurple,
  LightClient,
  ProviderClient,
  type Seat,
  until,
  zeroCounts,
} from './clients';
import { command } from './loadgen';
import { withTimeout } from './room';
import { wallNow } from './servers';

export interface IdleOpenArgs {
  seats: Seat[];
  /** 'light': sync-protocol clients; 'provider': real WebsocketProviders; 'none': socket.io only. */
  kind: 'light' | 'provider' | 'none';
  /** Purple: http://127.0.0.1:<port> for the socket.io connection of each participant. */
  controlBase?: string;
  reconnect?: boolean;
}

interface Session {
  light: LightClient[];
  providers: ProviderClient[];
  controls: Socket[];
  counts: FrameCounts;
  /** Wall time each socket.io connection (re)connected last. */
  controlAt: number[];
}

const sessions = new Map<number, Session>();
let nextHandle = 1;

function get(handle: number): Session {
  const s = sessions.get(handle);
  if (!s) throw new Error(`no idle session ${handle}`);
  return s;
}

async function open(a: IdleOpenArgs): Promise<{ handle: number; connectMs: number }> {
  const start = performance.now();
  const s: Session = {
    light: [],
    providers: [],
    controls: [],
    counts: zeroCounts(),
    controlAt: [],
  };
  const handle = nextHandle++;
  sessions.set(handle, s);
  await inBatches(a.seats, 50, async (seat, i) => {
    if (a.controlBase && isPurple(seat)) {
      const socket = connectControl(seat, a.controlBase, {
        reconnect: a.reconnect,
        counts: s.counts,
      });
      s.controls.push(socket);
      socket.on('connect', () => {
        s.controlAt[i] = wallNow();
      });
      await withTimeout(
        new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', (e) => reject(e));
        }),
        60_000,
        'a socket.io connection',
      );
    }
    if (a.kind === 'light') {
      const c = new LightClient(seat, { reconnect: a.reconnect, counts: s.counts });
      s.light.push(c);
      c.connect();
      await withTimeout(c.whenSynced(), 60_000, 'a light client to sync');
    } else if (a.kind === 'provider') {
      const p = new ProviderClient(seat, { counts: s.counts });
      s.providers.push(p);
      await withTimeout(p.synced, 60_000, 'a provider to sync');
    }
  });
  return { handle, connectMs: performance.now() - start };
}

export const idleHandlers = {
  'idle.open': command(open),
  'idle.counts': command(async (a: { handle: number; reset?: boolean }) => {
    const s = get(a.handle);
    const out = { ...s.counts };
    if (a.reset) Object.assign(s.counts, zeroCounts());
    return out;
  }),
  /** Wait until every light client has synced at least `minSyncs` times in total. */
  'idle.resynced': command(async (a: { handle: number; minSyncs: number; timeoutMs: number }) => {
    const s = get(a.handle);
    let ok = true;
    try {
      await until(
        'every client to sync again',
        () =>
          s.light.every((c) => c.syncs >= a.minSyncs && c.synced) &&
          s.controls.every((c) => c.connected),
        a.timeoutMs,
        5,
      );
    } catch {
      ok = false;
    }
    const perf = performance.now();
    const lastSynced = Math.max(...s.light.map((c) => c.syncedAt));
    return {
      ok,
      synced: s.light.filter((c) => c.synced).length,
      // Convert the last client's performance.now() to wall time.
      lastSyncedAt: wallNow() - (perf - lastSynced),
      lastControlAt: s.controlAt.length > 0 ? Math.max(...s.controlAt) : null,
      controlsConnected: s.controls.filter((c) => c.connected).length,
    };
  }),
  'idle.close': command(async (a: { handle: number }) => {
    const s = sessions.get(a.handle);
    if (!s) return null;
    sessions.delete(a.handle);
    for (const c of s.light) c.close();
    for (const p of s.providers) p.destroy();
    for (const c of s.controls) c.disconnect();
    return null;
  }),
};
