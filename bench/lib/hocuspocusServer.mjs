// The Hocuspocus process the bench measures (spawned by bench/lib/hocuspocus.ts, pinned to
// CPU 0 like the other servers). Plain JavaScript run by plain `node`, like the reference's
// own server.js: no TypeScript loader in the measured process.
//
// @hocuspocus/server 3.4.4 with its SQLite extension (sqlite3, the extension's defaults:
// one row per document holding the whole state, written after 2 s without changes, at most
// every 10 s, and when the last client leaves; plus a busy timeout, below) and, when
// HOCUS_REDIS_HOST is set, its Redis extension (ioredis pub/sub between instances, a Redlock
// so one instance stores at a time).
//
// Environment: PORT, HOCUS_DB (the SQLite file), HOCUS_REDIS_HOST / HOCUS_REDIS_PORT /
// HOCUS_REDIS_PREFIX, HOCUS_NAME (the instance's name, also its Redis identifier).
// Prints "hocuspocus running at ws://127.0.0.1:<port>" once it listens. On SIGTERM or SIGINT
// it closes every connection, lets each document's last store finish, closes the SQLite
// database (which waits for queued writes) and exits 0.
import { once } from 'node:events';
import { Redis } from '@hocuspocus/extension-redis';
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';

const port = Number(process.env.PORT);
const database = process.env.HOCUS_DB;
if (!Number.isInteger(port) || port <= 0 || !database) {
  console.error('hocuspocusServer.mjs needs PORT and HOCUS_DB');
  process.exit(2);
}
const name = process.env.HOCUS_NAME || `hocuspocus-${port}`;
const sqlite = new SQLite({ database });
const extensions = [sqlite];
const redis = process.env.HOCUS_REDIS_HOST
  ? new Redis({
      host: process.env.HOCUS_REDIS_HOST,
      port: Number(process.env.HOCUS_REDIS_PORT || 6379),
      prefix: process.env.HOCUS_REDIS_PREFIX || 'hocuspocus',
      identifier: name,
    })
  : null;
if (redis) extensions.push(redis);

const server = new Server({
  name,
  port,
  address: '127.0.0.1',
  quiet: true,
  // The bench stops it itself, after the last store has finished.
  stopOnSignals: false,
  extensions,
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  try {
    await server.destroy();
    await new Promise((resolve) => (sqlite.db ? sqlite.db.close(() => resolve()) : resolve()));
  } catch (err) {
    console.error('hocuspocus: error while stopping', err);
  }
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

// Take no client before both Redis connections are ready. ioredis 5.9 (the version
// installed) writes a SUBSCRIBE issued during its connection handshake at once, and its
// ready check (INFO) then fails "in subscriber mode" (ioredis issue #2037): the instance
// then misses the other's updates. Documents load, and subscribe, only once clients come.
if (redis) {
  for (const client of [redis.pub, redis.sub])
    if (client.status !== 'ready') await once(client, 'ready');
}
await server.listen();
// The one setting added to the extension's defaults: instances sharing one file wait for
// its lock (up to 5 s) instead of failing with SQLITE_BUSY. A lone instance never waits.
sqlite.db?.configure('busyTimeout', 5000);
console.log(`hocuspocus running at ws://127.0.0.1:${server.address.port}`);
