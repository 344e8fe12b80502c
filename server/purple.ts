/**
 * The composition root: builds the store, sessions, rooms, the Yjs endpoint, the
 * socket.io control channel and the facade, and registers the facade for route handlers.
 */
import http from 'node:http';
import { loadSecret } from './auth/secret';
import { Sessions } from './auth/sessions';
import type { Cluster } from './cluster/cluster';
import type { Config } from './config';
import { registerFacade, type SummaryFacade } from './facade';
import { Limits } from './limits/Limits';
import type { Logger } from './log';
import { Health } from './ops/health';
import { Metrics } from './ops/metrics';
import { timedStore } from './ops/timedStore';
import { Control } from './realtime/control';
import { Impacts, impactMethods } from './records/Impacts';
import { LinkTokens } from './services/linkTokens';
import { Retention } from './services/retention';
import { Workshops } from './services/workshops';
import { openStore } from './store/openStore';
import type { OrderedLog, Store } from './store/Store';
import type { Summaries } from './summary/Summaries';
import { Drafts } from './yjs/drafts';
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
  /** "You said, we did": impact pages and the "Still open" list (issue 9). */
  impacts: Impacts;
  /** Deletes closed workshops once their retention period has passed. */
  retention: Retention;
  limits: Limits;
  /** Set on several instances (REDIS_URL). */
  cluster: Cluster | null;
  /** socket.io's own HTTP server: it never listens; requests are forwarded to it. */
  ioHttp: http.Server;
  /** Prometheus metrics and readiness (issue 12). */
  metrics: Metrics;
  health: Health;
  /** Open Yjs and socket.io connections (draining waits for them to close). */
  openConnections(): number;
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
  let yjs: YjsEndpoint | null = null;
  let control: Control | null = null;
  let rooms: Rooms | null = null;
  const metrics = new Metrics({
    yjsConnections: () => yjs?.connectionCount ?? 0,
    controlConnections: () => control?.io.engine.clientsCount ?? 0,
    loadedRooms: () => rooms?.size ?? 0,
  });
  const store = timedStore(
    wrapStore(
      await openStore({
        dataDir: config.dataDir,
        databaseUrl: config.databaseUrl,
        sqliteSynchronous: config.sqliteSynchronous,
        postgresSynchronousCommit: config.postgresSynchronousCommit,
      }),
    ),
    metrics,
  );
  // Several instances need Postgres: refuse before opening anything else (I62).
  const ordered = config.redisUrl ? orderedLog(store) : undefined;
  // Redis and the socket.io adapter are loaded only on several instances: one instance
  // listens sooner without them (its restarted clients back off less, bench section 6).
  const several = config.redisUrl
    ? await Promise.all([import('./ops/redisClient'), import('./cluster/cluster')])
    : null;
  // Fails fast while Redis is down, so /readyz answers promptly (I59).
  const redis =
    several && config.redisUrl
      ? several[0].openRedis(config.redisUrl, log, 'purple-health', {
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
        })
      : null;
  const health = new Health({ store, redis, metrics });
  const sessions = new Sessions(secret, store);
  const tokens = new LinkTokens(secret);
  const cluster =
    several && config.redisUrl
      ? new several[1].Cluster(config.redisUrl, config.redisPrefix, secret, log)
      : null;
  // Rate limits and the per-minute card limit count across instances (I87).
  const counters = cluster
    ? { client: cluster.limitsClient(), prefix: config.redisPrefix }
    : undefined;
  const limits = new Limits(config.limits, counters);
  rooms = new Rooms(
    store,
    log,
    {
      cardsChanged: (w, ids) => control?.cardsChanged(w, ids),
      cardNotices: (_w, notices) => control?.cardNotices(notices),
      written: (w) => {
        metrics.edit();
        control?.facilitation.written(w);
      },
      refused: (reason) => metrics.refused('yjs', reason),
      stored: (w, seq, data, versions) => cluster?.stored(w, seq, data, versions),
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
      counters,
    },
  );
  const drafts = new Drafts({
    store,
    log,
    rooms,
    idleMs: config.roomIdleMs,
    changed: (w) => control?.privateWriting.draftChanged(w),
  });
  rooms.drafts = drafts;
  const ioHttp = http.createServer();
  const refused = (channel: 'upgrade' | 'control') => (reason: string) =>
    metrics.refused(channel, reason);
  control = new Control(ioHttp, {
    rooms,
    drafts,
    sessions,
    store,
    config,
    log,
    tokens,
    limits,
    onRefused: refused('control'),
    presenceSalt: cluster ? secret : undefined,
    severalInstances: cluster !== null,
  });
  cluster?.attach({ rooms, control, store });
  yjs = new YjsEndpoint({
    rooms,
    drafts,
    sessions,
    config,
    log,
    limits,
    onRefused: refused('upgrade'),
  });
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
  const summaries = lazySummaries(() => ({ store, sessions, rooms: loaded }));
  const impacts = new Impacts({ store, sessions, rooms });
  registerFacade(Object.assign(workshops, summaries.facade, impactMethods(impacts)));
  const ready = control;
  const endpoint = yjs;
  const loaded = rooms;
  return {
    config,
    store,
    sessions,
    rooms: loaded,
    control: ready,
    yjs: endpoint,
    workshops,
    impacts,
    retention,
    limits,
    cluster,
    ioHttp,
    metrics,
    health,
    openConnections: () => endpoint.connectionCount + ready.io.engine.clientsCount,
    async close() {
      retention.stop();
      endpoint.close();
      await ready.close();
      await summaries.close();
      await loaded.close();
      await cluster?.close();
      await store.close();
      redis?.disconnect();
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

/**
 * The summary service, loaded on its first use. Its renderers (DOCX, PDF, fonts, charts)
 * were about a third of the modules the server loaded before listening, and a restarted
 * server's clients back off longer the later it listens (bench section 6).
 */
function lazySummaries(deps: () => ConstructorParameters<typeof Summaries>[0]): {
  facade: SummaryFacade;
  close(): Promise<void>;
} {
  let loading: Promise<Summaries> | null = null;
  const load = () => {
    loading ??= import('./summary/Summaries').then((m) => new m.Summaries(deps()));
    return loading;
  };
  return {
    facade: {
      summary: async (...a) => (await load()).summary(...a),
      summaryExport: async (...a) => (await load()).summaryExport(...a),
      setSummarySettings: async (...a) => (await load()).setSummarySettings(...a),
    },
    close: async () => {
      if (loading) await (await loading).close();
    },
  };
}
