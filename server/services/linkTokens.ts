/**
 * Link tokens (DESIGN §5; issue 8 §7; invariant I28). The store keeps only SHA-256 of each
 * invite and personal token. A token is derived from the server's secret key, the row's id
 * and a generation number (144 bits of HMAC-SHA256), so Purple can show a facilitator
 * their invite links again without the database holding them; a new generation replaces
 * a link (rotation). Rows from before migration 5 (generation 0) hold the hash of a random
 * token: those links still work, but cannot be shown again.
 */
import { createHmac } from 'node:crypto';
import { hashToken } from '../store/peopleMigration';

export { hashToken };

/** The shape every link token has: base64url, 10–64 characters. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{10,64}$/;

/** Derives invite and personal tokens from the secret key. */
export class LinkTokens {
  private readonly key: Buffer;

  constructor(secret: Buffer) {
    // A key of its own, so a link token never equals a session signature.
    this.key = createHmac('sha256', secret).update('purple link tokens v1').digest();
  }

  private derive(kind: 'invite' | 'personal', id: string, gen: number): string {
    return createHmac('sha256', this.key)
      .update(`${kind}|${id}|${gen}`)
      .digest()
      .subarray(0, 18)
      .toString('base64url');
  }

  /** The invite token of generation `gen` (≥ 1), or null for a legacy link. */
  invite(inviteId: string, gen: number | undefined): string | null {
    return gen ? this.derive('invite', inviteId, gen) : null;
  }

  /** The personal token of generation `gen` (≥ 1), or null for a legacy link. */
  personal(participantId: string, gen: number | undefined): string | null {
    return gen ? this.derive('personal', participantId, gen) : null;
  }

  /** The stored hash of generation `gen`'s token. */
  inviteHash(inviteId: string, gen: number): string {
    return hashToken(this.derive('invite', inviteId, gen));
  }

  /** The stored hash of generation `gen`'s personal token. */
  personalHash(participantId: string, gen: number): string {
    return hashToken(this.derive('personal', participantId, gen));
  }
}
