/**
 * The instances' bus (I62, I65) on a real Redis: what one instance publishes reaches the
 * others and not itself, an update's entry travels with its seq, and whatever does not
 * parse as a bus message (a foreign publisher, a broken frame, an entry over the cap) is
 * dropped without reaching the rooms.
 */
import { afterAll, expect, it } from 'vitest';
import { ensureRedis, uniquePrefix } from '../../scripts/ensureRedis';
import { createLogger } from '../log';
import { openRedis } from '../ops/redisClient';
import { type BusMessage, ClusterBus, RELAY_MAX_BYTES } from './bus';

const redis = await ensureRedis();
afterAll(() => redis.stop());

it('[I62] a message reaches the other instance once, not its sender; what does not parse is dropped', async () => {
  const log = createLogger('silent');
  const prefix = uniquePrefix();
  const clients = Array.from({ length: 5 }, (_, i) => openRedis(redis.url, log, `bus-test-${i}`));
  const [pubA, subA, pubB, subB, raw] = clients as [
    never,
    never,
    never,
    never,
    (typeof clients)[0],
  ];
  const heard: { a: BusMessage[]; b: BusMessage[] } = { a: [], b: [] };
  const ready = (c: (typeof clients)[0]) =>
    c.status === 'ready' ? Promise.resolve() : new Promise((r) => c.once('ready', r));
  try {
    const a = new ClusterBus(
      pubA,
      subA,
      prefix,
      log,
      (m) => heard.a.push(m),
      () => undefined,
    );
    new ClusterBus(
      pubB,
      subB,
      prefix,
      log,
      (m) => heard.b.push(m),
      () => undefined,
    );
    await Promise.all(clients.map(ready));
    // Subscribing is asynchronous: wait until both subscribers are counted on the channel.
    while (((await raw.pubsub('NUMSUB', `${prefix}bus`)) as [string, number])[1] < 2)
      await new Promise((r) => setTimeout(r, 20));

    const entry = Buffer.from([1, 2, 3, 250]).toString('base64');
    a.publish({ t: 'log', w: 'w1', seq: 7, d: entry });
    a.publish({ t: 'facilitation', w: 'w1' });
    // Not bus messages: a foreign publisher's text, a broken frame, an entry over the cap.
    await raw.publish(`${prefix}bus`, 'hello');
    await raw.publish(`${prefix}bus`, '{"from":"x","m":{"t":"log","w":"w1"');
    const tooLong = 'A'.repeat(Math.ceil(RELAY_MAX_BYTES / 3) * 4 + 4);
    await raw.publish(
      `${prefix}bus`,
      JSON.stringify({ from: 'x', m: { t: 'log', w: 'w1', seq: 8, d: tooLong } }),
    );
    a.publish({ t: 'discard', w: 'w2', reason: 'workshopDeleted' });
    while (heard.b.length < 3) await new Promise((r) => setTimeout(r, 20));
    expect(heard.b).toEqual([
      { t: 'log', w: 'w1', seq: 7, d: entry },
      { t: 'facilitation', w: 'w1' },
      { t: 'discard', w: 'w2', reason: 'workshopDeleted' },
    ]);
    expect(heard.a).toEqual([]);
  } finally {
    for (const c of clients) c.disconnect();
  }
});
