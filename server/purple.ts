/**
 * The composition root: builds the store, sessions, rooms, the Yjs endpoint, the
 * socket.io control channel and the facade, and registers the facade for route handlers.
 */
import http from 'node:http';
import { loadSecret } from './auth/secret';
import { Sessions } from './auth/sessions';
import type { Config } from './config';
import { registerFacade } from './facade';
import { Limits } from './limits/Limits';
import type { Logger } from './log';
import { Control } from './realtime/control';
import { Impacts, impactMethods } from './records/Impacts';
import { LinkTokens } from './services/linkTokens';
import { Retention } from './services/retention';
import { Workshops } from './services/workshops';
import { openStore } from './store/openStore';
import type { Store } from './store/Store';
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
  /** "You said, we did": impact pages and the "Still open" list (issue 9). */
  impacts: Impacts;
  /** Deletes closed workshops once their retention period has passed. */
  retention: Retention;
  limits: Limits;
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
  const limits = new Limits(config.limits);
  let control: Control | null = null;
  const rooms = new Rooms(
    store,
    log,
    {
      cardsChanged: (w, ids) => control?.cardsChanged(w, ids),
      cardNotices: (_w, notices) => control?.cardNotices(notices),
      written: (w) => control?.facilitation.written(w),
    },
    {
      idleMs: config.roomIdleMs,
      compactEvery: config.compactEvery,
      cardLimits: {
        maxCardsPerBoard: config.maxCardsPerBoard,
        cardsPerMinute: config.cardsPerMinute,
      },
    },
  );
  const ioHttp = http.createServer();
  control = new Control(ioHttp, { rooms, sessions, store, config, log, tokens, limits });
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
  const impacts = new Impacts({ store, sessions, rooms });
  registerFacade(Object.assign(workshops, summaryMethods(summaries), impactMethods(impacts)));
  const ready = control;
  return {
    config,
    store,
    sessions,
    rooms,
    control: ready,
    yjs,
    workshops,
    impacts,
    retention,
    limits,
    ioHttp,
    async close() {
      retention.stop();
      yjs.close();
      await ready.close();
      await summaries.close();
      await rooms.close();
      await store.close();
    },
  };
}
