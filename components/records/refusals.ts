/** Reading the server's refusals of records events (issue 9). */
import type { Ack } from '../../lib/protocol/events';

/** True when an outcome was refused because its rationale (the Why box) is missing or short. */
export function isRationaleRefusal(ack: Ack): boolean {
  if (ack.ok) return false;
  return /rationale|why/i.test(`${ack.reason} ${ack.message}`);
}
