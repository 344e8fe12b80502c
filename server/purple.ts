/**
 * The composition root: builds the store, sessions, rooms, the Yjs endpoint, the
 * socket.io control channel and the facade, and registers the facade for route handlers.
 */
import http from 'node:http';
import { loadSecret } from './auth/secret';
import { Sessions } from './auth/sessions';
import { Cluster } from './cluster/cluster';
import type { Config } from './config';
import { registerFacade } from './facade';
import { Limits } from './limits/Limits';
import type { Logger } from './log';
import { Control } from './realtime/control';
import { LinkTokens } from './services/linkTokens';
import { Retention } from './services/retention';
import { Workshops } from './services/workshops';
import { openStore } from './store/openStore';
import type { OrderedLog, Store } from './store/Store';
import { Summaries, summaryMethods } from './summary/Summaries';
import { YjsEndpoint } from './yjs/endpoint';
import { Rooms } from './yjs/rooms';

/** Everything a running Purple holds. */
export interface Purple {
  config: Config;
  store: Store;
  sessions: Sessions;
  rooms: Rooms;
  control: Control;
  yjs: YjsEndpoint;
  workshops: Workshops;
  /** Deletes closed workshops once their retention period has passed. */
  retention: Retention;
  limits: Limits;
  /** Set on several instances (REDIS_URL). */
  cluster: Cluster | null;
  /** socket.io's own HTTP server: it never listens; requests are forwarded to it. */
  ioHttp: http.Server;
  close(): Promise<void>;
}

/** Build a Purple from its configuration. */
export async function createPurple(
  config: Config,
  log: Logger,
  wrapStore: (store: Store) => Store = (s) => s,
): Promise<Purple> {
  // Read the key first: a bad key file refuses to start before anything is opened.
  const secret = loadSecret(config.dataDir, config.secret);
  const store = wrapStore(
    await openStore({
      dataDir: config.dataDir,
      databaseUrl: config.databaseUrl,
      sqliteSynchronous: config.sqliteSynchronous,
    }),
  );
  const sessions = new Sessions(secret, store);
  const tokens = new LinkTokens(secret);
  const ordered = config.redisUrl ? orderedLog(store) : undefined;
  const cluster = config.redisUrl ? new Cluster(config.redisUrl, config.redisPrefix, log) : null;
  const limits = new Limits(
    config.limits,
    cluster ? { client: cluster.limitsClient(), prefix: config.redisPrefix } : undefined,
  );
  let control: Control | null = null;
  const rooms = new Rooms(
    store,
    log,
    {
      cardsChanged: (w, ids) => control?.cardsChanged(w, ids),
      cardNotices: (_w, notices) => control?.cardNotices(notices),
      written: (w) => control?.facilitation.written(w),
      stored: (w, seq) => cluster?.stored(w, seq),
      endorsed: (e) => cluster?.endorsed(e.workshopId, e.cardId, e.participantId),
    },
    {
      idleMs: config.roomIdleMs,
      compactEvery: config.compactEvery,
      cardLimits: {
        maxCardsPerBoard: config.maxCardsPerBoard,
        cardsPerMinute: config.cardsPerMinute,
      },
      ordered,
    },
  );
  const ioHttp = http.createServer();
  control = new Control(ioHttp, {
    rooms,
    sessions,
    store,
    config,
    log,
    tokens,
    limits,
    presenceSalt: cluster ? secret : undefined,
  });
  cluster?.attach({ rooms, control, store });
  const yjs = new YjsEndpoint({ rooms, sessions, config, log, limits });
  const workshops = new Workshops({
    store,
    sessions,
    rooms,
    config,
    tokens,
    limits,
    onJoin: (p) => control?.participantJoined(p),
  });
  const retention = new Retention({
    store,
    log,
    retentionDays: config.retentionDays,
    sweepEveryMs: config.retentionSweepMs,
    deleteWorkshop: (id) => ready.people.deleteWorkshop(id),
  });
  const summaries = new Summaries({ store, sessions, rooms });
  registerFacade(Object.assign(workshops, summaryMethods(summaries)));
  const ready = control;
  return {
    config,
    store,
    sessions,
    rooms,
    control: ready,
    yjs,
    workshops,
    retention,
    limits,
    cluster,
    ioHttp,
    async close() {
      retention.stop();
      yjs.close();
      await ready.close();
      await summaries.close();
      await rooms.close();
      await cluster?.close();
      await store.close();
    },
  };
}

/** The store's ordered log; several instances need Postgres (I62). */
function orderedLog(store: Store): OrderedLog {
  const candidate = store as Store & Partial<OrderedLog>;
  if (typeof candidate.appendOrdered !== 'function')
    throw new Error(
      'REDIS_URL (several instances) needs DATABASE_URL set to a postgres:// URL: instances cannot share a SQLite file.',
    );
  return candidate as OrderedLog;
}
