/**
 * The composition root: builds the store, sessions, rooms, the Yjs endpoint, the
 * socket.io control channel and the facade, and registers the facade for route handlers.
 */
import http from 'node:http';
import { loadSecret } from './auth/secret';
import { Sessions } from './auth/sessions';
import type { Config } from './config';
import { registerFacade } from './facade';
import type { Logger } from './log';
import { Control } from './realtime/control';
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
  const store = wrapStore(
    await openStore({
      dataDir: config.dataDir,
      databaseUrl: config.databaseUrl,
      sqliteSynchronous: config.sqliteSynchronous,
    }),
  );
  const sessions = new Sessions(loadSecret(config.dataDir, config.secret), store);
  let control: Control | null = null;
  const rooms = new Rooms(
    store,
    log,
    { cardsChanged: (w, ids) => control?.cardsChanged(w, ids) },
    {
      idleMs: config.roomIdleMs,
      compactEvery: config.compactEvery,
    },
  );
  const ioHttp = http.createServer();
  control = new Control(ioHttp, { rooms, sessions, store, config, log });
  const yjs = new YjsEndpoint({ rooms, sessions, config, log });
  const workshops = new Workshops({
    store,
    sessions,
    rooms,
    config,
    onJoin: (p) => control?.participantJoined(p),
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
    ioHttp,
    async close() {
      yjs.close();
      await ready.close();
      await summaries.close();
      await rooms.close();
      await store.close();
    },
  };
}
