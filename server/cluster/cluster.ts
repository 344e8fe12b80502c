/**
 * Running on several instances (issue 12; ARCHITECTURE "Several instances"): socket.io
 * across instances on `@socket.io/redis-streams-adapter`, and the bus that keeps every
 * instance's rooms, roster, endorsements, locks and closed connections the same (I62, I65).
 */
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Redis } from 'ioredis';
import { REASON_INFO, type Reason } from '../../lib/protocol/reasons';
import type { Logger } from '../log';
import { openRedis } from '../ops/redisClient';
import type { Control } from '../realtime/control';
import type { Store } from '../store/Store';
import type { Versions } from '../yjs/room';
import type { Rooms } from '../yjs/rooms';
import { type BusMessage, ClusterBus, RELAY_MAX_BYTES } from './bus';

/** How often instances tell each other they are alive, and when one counts as gone. */
const HEARTBEAT_MS = 1000;
const HEARTBEAT_TIMEOUT_MS = 3000;

/** The Redis side of one instance. */
export class Cluster {
  readonly bus: ClusterBus;
  private readonly clients: Redis[];

  constructor(
    private readonly url: string,
    private readonly prefix: string,
    secret: Buffer,
    private readonly log: Logger,
  ) {
    const pub = openRedis(url, log, 'purple-pub');
    const sub = openRedis(url, log, 'purple-sub');
    this.clients = [pub, sub];
    this.bus = new ClusterBus(
      pub,
      sub,
      prefix,
      secret,
      log,
      (m) => this.onMessage?.(m),
      () => this.onReconnect?.(),
    );
  }

  private onMessage?: (m: BusMessage) => void;
  private onReconnect?: () => void;

  /** A client for counters (rate limits) that fails fast while Redis is down. */
  limitsClient(): Redis {
    const c = openRedis(this.url, this.log, 'purple-limits', {
      enableOfflineQueue: false,
    });
    this.clients.push(c);
    return c;
  }

  /** Connect rooms and the control channel to the other instances. */
  attach(deps: { rooms: Rooms; control: Control; store: Store }): void {
    const { rooms, control, store } = deps;
    const adapterClient = openRedis(this.url, this.log, 'purple-socketio');
    this.clients.push(adapterClient);
    control.io.adapter(
      createAdapter(adapterClient, {
        streamName: `${this.prefix}socket.io`,
        channelPrefix: `${this.prefix}socket.io`,
        sessionKeyPrefix: `${this.prefix}sio:session:`,
        heartbeatInterval: HEARTBEAT_MS,
        heartbeatTimeout: HEARTBEAT_TIMEOUT_MS,
      } as Parameters<typeof createAdapter>[1]),
    );
    const bus = this.bus;
    rooms.relay = {
      participantUpdated: (p) => bus.publish({ t: 'participant', w: p.workshopId, p: p.id }),
      closeParticipants: (w, ids, reason) => bus.publish({ t: 'close', w, ids: [...ids], reason }),
      discard: (w, reason) => bus.publish({ t: 'discard', w, reason }),
    };
    control.facilitation.relay = (w) => bus.publish({ t: 'facilitation', w });
    const fail = (what: string) => (err: unknown) =>
      this.log.error(`could not apply a change from another instance: ${what}`, { err });
    this.onMessage = (m) => {
      switch (m.t) {
        case 'log': {
          const room = rooms.peek(m.w);
          if (!room || room.lastSeq >= m.seq) return;
          const versions = m.pv && m.v ? { from: m.pv, to: m.v } : undefined;
          const entry = m.d
            ? { seq: m.seq, data: Buffer.from(m.d, 'base64'), versions }
            : undefined;
          room.catchUp(entry).catch(fail('log'));
          return;
        }
        case 'endorsed': {
          const room = rooms.peek(m.w);
          if (!room) return;
          void store
            .listEndorsements(m.w)
            .then(async (rows) => {
              await room.ready;
              for (const e of rows)
                if (e.cardId === m.card && e.participantId === m.p) room.endorsedElsewhere(e);
            })
            .catch(fail('endorsement'));
          return;
        }
        case 'participant':
          void store
            .getParticipant(m.p)
            .then((p) => {
              if (!p || p.workshopId !== m.w) return;
              rooms.participantUpdated(p, false);
              control.participantChangedElsewhere(p);
            })
            .catch(fail('participant'));
          return;
        case 'facilitation':
          control.facilitation.changedElsewhere(m.w).catch(fail('facilitation'));
          return;
        case 'close':
          if (isReason(m.reason)) rooms.closeParticipants(m.w, new Set(m.ids), m.reason, false);
          return;
        case 'discard':
          if (isReason(m.reason)) rooms.discard(m.w, m.reason, false);
          return;
      }
    };
    // Messages published while Redis was away are lost: read the log instead.
    this.onReconnect = () => {
      for (const room of rooms.all()) room.catchUp().catch(fail('catch-up'));
      control.facilitation.reread().catch(fail('facilitation'));
    };
  }

  /** What the room listener tells the others: the entry too, when it is small. */
  stored(workshopId: string, seq: number, data?: Uint8Array, versions?: Versions): void {
    const d =
      data && data.byteLength <= RELAY_MAX_BYTES
        ? Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64')
        : undefined;
    const v = d && versions ? { pv: versions.from, v: versions.to } : {};
    this.bus.publish({ t: 'log', w: workshopId, seq, ...(d ? { d } : {}), ...v });
  }

  endorsed(workshopId: string, cardId: string, participantId: string): void {
    this.bus.publish({ t: 'endorsed', w: workshopId, card: cardId, p: participantId });
  }

  async close(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.quit().catch(() => c.disconnect())));
  }
}

function isReason(r: string): r is Reason {
  return Object.hasOwn(REASON_INFO, r);
}
