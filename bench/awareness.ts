/**
 * Idle traffic: messages per second the server sends to N idle clients over a window, for
 * two values of N. Clients are real WebsocketProviders behaving as each product's browser
 * does: the reference's keep their default awareness state (renewed every 15 s, which the
 * server relays to everyone); Purple's set awareness to null (presence is on socket.io) and
 * also hold their socket.io connection. Counted at the clients: every frame received, by
 * kind, including WebSocket pings and socket.io/engine.io packets.
 */
import { type FrameCounts, sleep } from './lib/clients';
import { type Ctx, purpleSeats, refSeat } from './lib/context';
import { freshDir, setupPurple } from './lib/purpleSetup';
import { startServer } from './lib/servers';

export interface IdleTraffic {
  clients: number;
  windowMs: number;
  reference: { perSecond: number; counts: FrameCounts };
  purple: { perSecond: number; counts: FrameCounts };
}

export interface AwarenessResult {
  sizes: IdleTraffic[];
  /** Growth exponent between the two sizes: log(rate ratio) / log(N ratio); 1 is linear, 2 is N². */
  exponent: { reference: number; purple: number };
}

const total = (c: FrameCounts) => c.sync + c.awareness + c.purple + c.wsPing + c.socketIo;

export async function measureAwareness(ctx: Ctx): Promise<AwarenessResult> {
  const { cfg, lg } = ctx;
  const dataDir = freshDir('purple-bench-idle-');
  ctx.cleanup.push(dataDir);
  const workshops = await setupPurple(dataDir, cfg.awarenessSizes);
  const sizes: IdleTraffic[] = [];
  for (const [si, n] of cfg.awarenessSizes.entries()) {
    const w = workshops[si];
    if (!w) throw new Error('no workshop');
    const one = async (kind: 'ref' | 'purple') => {
      const s =
        kind === 'ref' ? await startServer('ref-mem') : await startServer('purple', { dataDir });
      try {
        const seats =
          kind === 'ref'
            ? Array.from({ length: n }, () => refSeat(s, `idle-${n}`))
            : purpleSeats(s, w, n);
        const { handle } = await lg.call<{ handle: number }>('idle.open', {
          seats,
          kind: 'provider',
          controlBase: kind === 'purple' ? s.httpUrl : undefined,
        });
        await sleep(cfg.awarenessSettleMs);
        await lg.call('idle.counts', { handle, reset: true });
        const t0 = performance.now();
        await sleep(cfg.awarenessWindowMs);
        const counts = await lg.call<FrameCounts>('idle.counts', { handle, reset: true });
        const windowMs = performance.now() - t0;
        await lg.call('idle.close', { handle });
        const perSecond = (total(counts) * 1000) / windowMs;
        ctx.log(
          `idle traffic ${n} clients, ${kind}: ${perSecond.toFixed(1)} messages/s ${JSON.stringify(counts)}`,
        );
        return { perSecond, counts, windowMs };
      } finally {
        await s.stop();
      }
    };
    const reference = await one('ref');
    const purple = await one('purple');
    sizes.push({
      clients: n,
      windowMs: cfg.awarenessWindowMs,
      reference: { perSecond: reference.perSecond, counts: reference.counts },
      purple: { perSecond: purple.perSecond, counts: purple.counts },
    });
  }
  const exp = (pick: (t: IdleTraffic) => number) => {
    const a = sizes[0];
    const b = sizes[sizes.length - 1];
    if (!a || !b || a === b) return Number.NaN;
    return Math.log(pick(b) / pick(a)) / Math.log(b.clients / a.clients);
  };
  return {
    sizes,
    exponent: {
      reference: exp((t) => t.reference.perSecond),
      purple: exp((t) => t.purple.perSecond),
    },
  };
}
