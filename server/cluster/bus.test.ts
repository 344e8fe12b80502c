/**
 * The instances' bus (I62, I65) on a real Redis: what one instance publishes reaches the
 * others and not itself, an update's entry travels with its seq, and whatever is not a
 * bus message signed with the cluster's key (a foreign publisher, a broken frame, an entry
 * over the cap, a message signed with another secret) is dropped without reaching the rooms.
 */
import { createHmac } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { ensureRedis, uniquePrefix } from '../../scripts/ensureRedis';
import { createLogger } from '../log';
import { openRedis } from '../ops/redisClient';
import { type BusMessage, ClusterBus, RELAY_MAX_BYTES } from './bus';

const redis = await ensureRedis();
const noop = () => undefined;
const secret = Buffer.from('the cluster secret, shared by every instance');
afterAll(() => redis.stop());

it('[I62][I63] a message reaches the other instance once, not its sender; what is not signed or does not parse is dropped', async () => {
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
    const a = new ClusterBus(pubA, subA, prefix, secret, log, (m) => heard.a.push(m), noop);
    // B's log lines, to count what it says about the unsigned messages.
    const lines: string[] = [];
    const logB = createLogger('warn', 'json', { write: (line) => lines.push(line) });
    new ClusterBus(pubB, subB, prefix, secret, logB, (m) => heard.b.push(m), noop);
    await Promise.all(clients.map(ready));
    // Subscribing is asynchronous: wait until both subscribers are counted on the channel.
    while (((await raw.pubsub('NUMSUB', `${prefix}bus`)) as [string, number])[1] < 2)
      await new Promise((r) => setTimeout(r, 20));

    const entry = Buffer.from([1, 2, 3, 250]).toString('base64');
    a.publish({ t: 'log', w: 'w1', seq: 7, d: entry });
    a.publish({ t: 'facilitation', w: 'w1' });
    // Not bus messages: a foreign publisher's text, a broken frame, an entry over the cap.
    const sign = (key: Buffer, body: string) =>
      `${createHmac('sha256', createHmac('sha256', key).update('purple cluster bus v1').digest()).update(body).digest('base64url')}.${body}`;
    await raw.publish(`${prefix}bus`, 'hello');
    await raw.publish(`${prefix}bus`, sign(secret, '{"from":"x","m":{"t":"log","w":"w1"'));
    const tooLong = 'A'.repeat(Math.ceil(RELAY_MAX_BYTES / 3) * 4 + 4);
    const over = { from: 'x', m: { t: 'log', w: 'w1', seq: 8, d: tooLong } };
    await raw.publish(`${prefix}bus`, sign(secret, JSON.stringify(over)));
    // A well-formed entry, unsigned or signed with another secret: words nobody wrote.
    const forged = JSON.stringify({ from: 'x', m: { t: 'log', w: 'w1', seq: 8, d: entry } });
    await raw.publish(`${prefix}bus`, `${'A'.repeat(43)}.${forged}`);
    await raw.publish(`${prefix}bus`, sign(Buffer.from('another cluster'), forged));
    await raw.publish(`${prefix}bus`, forged);
    a.publish({ t: 'discard', w: 'w2', reason: 'workshopDeleted' });
    while (heard.b.length < 3) await new Promise((r) => setTimeout(r, 20));
    expect(heard.b).toEqual([
      { t: 'log', w: 'w1', seq: 7, d: entry },
      { t: 'facilitation', w: 'w1' },
      { t: 'discard', w: 'w2', reason: 'workshopDeleted' },
    ]);
    expect(heard.a).toEqual([]);
    // Four unsigned messages, one log line: a publisher without the key cannot flood the log.
    const dropped = lines.filter((l) => l.includes('not signed'));
    expect(dropped).toHaveLength(1);
    expect(JSON.parse(dropped[0] ?? '{}')).toMatchObject({ count: 1 });
  } finally {
    for (const c of clients) c.disconnect();
  }
});
