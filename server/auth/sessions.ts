/**
 * Signed session cookies (DESIGN §5). The value is `participantId.issuedAt.signature`,
 * HMAC-SHA256 over the workshop id too, so a cookie works only for its own workshop.
 * Authentication always re-reads the participant and their invite from the store, so a
 * revoked link or removed participant is refused at once.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { fail } from '../../lib/protocol/reasons';
import { type Outcome, sessionCookieName } from '../facade';
import type { ParticipantRow, Store } from '../store/Store';

/** How long a session cookie lasts; the personal link renews it. */
export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 180;

/** The session cookie's name for one workshop (defined once, in the facade). */
export const cookieName = sessionCookieName;

/** A cookie value exactly as `issue` writes it: id, base-36 time, 32-byte base64url HMAC. */
const COOKIE_VALUE = /^([A-Za-z0-9-]{1,64})\.([0-9a-z]{1,11})\.([A-Za-z0-9_-]{43})$/;

/** Read one cookie from a Cookie header; a value with broken %-encoding reads as absent. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** How many verified cookie signatures are remembered (least recently used out first). */
const VERIFIED_MAX = 4096;

export class Sessions {
  /**
   * Cookie values whose signature checked out, by workshop: a signature is a pure function
   * of the key, the workshop and the value, so it is computed once per value, not on each
   * of a person's connections (one HMAC per connection was 5 % of a reconnect storm).
   * The age is checked on every use.
   */
  private readonly verified = new Map<string, { id: string; issued: string }>();

  constructor(
    private readonly secret: Buffer,
    private readonly store: Store,
  ) {}

  private sign(workshopId: string, body: string): string {
    return createHmac('sha256', this.secret).update(`${workshopId}|${body}`).digest('base64url');
  }

  /** A cookie value for `participant`. */
  issue(participant: ParticipantRow, now = Date.now()): string {
    const body = `${participant.id}.${Math.floor(now / 1000).toString(36)}`;
    return `${body}.${this.sign(participant.workshopId, body)}`;
  }

  /** Check a cookie value's signature and age; returns the participant id. */
  verify(workshopId: string, value: string | undefined, now = Date.now()): string | null {
    const signed = value ? this.signedBy(workshopId, value) : null;
    if (!signed) return null;
    const ageSeconds = now / 1000 - Number.parseInt(signed.issued, 36);
    return ageSeconds >= -60 && ageSeconds <= SESSION_MAX_AGE_SECONDS ? signed.id : null;
  }

  /** The id and issue time in `value` when its signature is this server's for `workshopId`. */
  private signedBy(workshopId: string, value: string): { id: string; issued: string } | null {
    const key = `${workshopId}|${value}`;
    const known = this.verified.get(key);
    if (known) {
      this.verified.delete(key); // most recently used last
      this.verified.set(key, known);
      return known;
    }
    const parts = COOKIE_VALUE.exec(value);
    if (!parts) return null;
    const [, id = '', issued = '', sig = ''] = parts;
    const expected = Buffer.from(this.sign(workshopId, `${id}.${issued}`));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    const signed = { id, issued };
    this.verified.set(key, signed);
    if (this.verified.size > VERIFIED_MAX) {
      const oldest = this.verified.keys().next().value;
      if (oldest !== undefined) this.verified.delete(oldest);
    }
    return signed;
  }

  /** Who holds this cookie in this workshop, if they still have access. */
  async authenticate(
    workshopId: string,
    value: string | undefined,
  ): Promise<Outcome<ParticipantRow>> {
    const id = this.verify(workshopId, value);
    if (!id) return fail('unauthenticated');
    const participant = await this.store.getParticipant(id);
    if (!participant || participant.workshopId !== workshopId) return fail('unauthenticated');
    return this.stillAllowed(participant);
  }

  /** Refuse removed participants and those whose invite link was turned off. */
  async stillAllowed(participant: ParticipantRow): Promise<Outcome<ParticipantRow>> {
    if (participant.removedAt)
      return fail('revoked', 'The facilitator has removed you from this workshop.');
    if (participant.inviteId) {
      const invite = await this.store.getInvite(participant.workshopId, participant.inviteId);
      if (!invite || invite.revokedAt) return fail('revoked');
    }
    return { ok: true, value: participant };
  }
}
