/**
 * A fresh idempotency key for one vote. `crypto.randomUUID` exists only on HTTPS and
 * localhost, so on a plain-HTTP local network fall back to 128 random bits.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
