/** Random identifiers and link tokens (at least 128 bits for anything that grants access). */
import { randomBytes, randomUUID } from 'node:crypto';

/** A random link token: 144 bits, URL-safe. */
export function newToken(): string {
  return randomBytes(18).toString('base64url');
}

/** A short workshop id: 96 bits, URL-safe. */
export function newWorkshopId(): string {
  return randomBytes(12).toString('base64url').replace(/[-_]/g, 'x');
}

/** A participant or invite id. */
export function newId(): string {
  return randomUUID();
}
