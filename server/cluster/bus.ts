/**
 * The instances' bus (issue 12, I62, I65): small facts over Redis pub/sub, each naming what
 * changed so every other instance re-reads it from the store. A message lost in an outage
 * costs latency only: rooms catch up from the database on their next write, on the next
 * message, and when Redis comes back (`onReconnect`).
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../log';

const reasonSchema = z.string().max(40);

/** The largest stored entry a 'log' message carries; larger ones are read from the store. */
export const RELAY_MAX_BYTES = 64 * 1024;

/** What one instance tells the others. */
export const busMessageSchema = z.discriminatedUnion('t', [
  /**
   * Entry `seq` of the workshop's log was stored; `d` is the entry itself (base64) when it
   * is an update of at most `RELAY_MAX_BYTES`, so the others need not read it back (I63).
   */
  z.object({
    t: z.literal('log'),
    w: z.string(),
    seq: z.number().int(),
    d: z
      .string()
      .max(Math.ceil(RELAY_MAX_BYTES / 3) * 4)
      .optional(),
    /** The versions of the workshop's row before and after this entry (I94). */
    pv: z.string().max(20).optional(),
    v: z.string().max(20).optional(),
  }),
  /** An endorsement was stored. */
  z.object({ t: z.literal('endorsed'), w: z.string(), card: z.string(), p: z.string() }),
  /** A participant joined or changed (roster, thresholds, capability). */
  z.object({ t: z.literal('participant'), w: z.string(), p: z.string() }),
  /** Facilitation state (locks) changed. */
  z.object({ t: z.literal('facilitation'), w: z.string() }),
  /** These participants' connections must close (revoked, removed). */
  z.object({
    t: z.literal('close'),
    w: z.string(),
    ids: z.array(z.string()),
    reason: reasonSchema,
  }),
  /** The workshop was deleted. */
  z.object({ t: z.literal('discard'), w: z.string(), reason: reasonSchema }),
]);
export type BusMessage = z.infer<typeof busMessageSchema>;

/** A message on the wire: who sent it, and what. Built once: zod schemas are costly to make. */
const envelopeSchema = z.object({ from: z.string(), m: busMessageSchema });

/** At most one log line per this long about messages not signed with the cluster's key. */
const UNSIGNED_LOG_EVERY_MS = 60_000;

/** The length of a message's signature on the wire (HMAC-SHA256, base64url). */
const MAC_CHARS = 43;

/**
 * Messages are signed with a key derived from the instances' shared secret, since a
 * 'log' message carries an entry that rooms apply without reading it back (I63): whoever
 * can publish on Redis, but does not hold the secret, cannot put words on a board.
 */
export class ClusterBus {
  /** This instance, so it ignores its own messages. */
  readonly id = randomUUID();
  private readonly channel: string;
  private readonly key: Buffer;
  /** How this instance's messages begin after their signature (`publish` puts `from` first). */
  private readonly ownPrefix = `{"from":${JSON.stringify(this.id)},`;
  /** Unsigned messages dropped since the last line about them, and when that was. */
  private unsigned = 0;
  private unsignedLoggedAt = 0;

  constructor(
    private readonly pub: Redis,
    sub: Redis,
    prefix: string,
    secret: Buffer,
    private readonly log: Logger,
    onMessage: (m: BusMessage) => void,
    onReconnect: () => void,
  ) {
    this.channel = `${prefix}bus`;
    this.key = createHmac('sha256', secret).update('purple cluster bus v1').digest();
    let connectedBefore = false;
    sub.on('ready', () => {
      // ioredis resubscribes by itself; what was published meanwhile is read from Postgres.
      if (connectedBefore) onReconnect();
      connectedBefore = true;
    });
    void sub.subscribe(this.channel).catch(() => undefined);
    sub.on('message', (channel: string, text: string) => {
      if (channel !== this.channel) return;
      const body = text.slice(MAC_CHARS + 1);
      // Every instance hears its own messages too: skip those before checking anything.
      if (body.startsWith(this.ownPrefix)) return;
      if (!this.signedHere(text.slice(0, MAC_CHARS), body)) return this.dropUnsigned();
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return;
      }
      const m = envelopeSchema.safeParse(parsed);
      if (!m.success || m.data.from === this.id) return;
      onMessage(m.data.m);
    });
  }

  /** Tell the other instances; never throws (a lost message costs latency, not data). */
  publish(m: BusMessage): void {
    if (this.pub.status !== 'ready') return;
    const body = JSON.stringify({ from: this.id, m });
    this.pub.publish(this.channel, `${this.mac(body)}.${body}`).catch((err) => {
      this.log.warn('bus message not sent', { err: String(err) });
    });
  }

  /**
   * Someone who can publish on Redis but lacks the secret could send thousands of messages
   * a second: the first is logged at once, then one line a minute with how many since.
   */
  private dropUnsigned(): void {
    this.unsigned++;
    const now = Date.now();
    if (now - this.unsignedLoggedAt < UNSIGNED_LOG_EVERY_MS) return;
    this.log.warn("bus messages dropped: not signed with this cluster's key", {
      count: this.unsigned,
    });
    this.unsigned = 0;
    this.unsignedLoggedAt = now;
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }

  private signedHere(mac: string, body: string): boolean {
    const given = Buffer.from(mac);
    const expected = Buffer.from(this.mac(body));
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
