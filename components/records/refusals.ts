/** Reading the server's refusals of records events (issue 9). */
import type { Ack } from '../../lib/protocol/events';

/** True when an outcome was refused because its rationale (the Why box) is missing or too short. */
export function isRationaleRefusal(ack: Ack): boolean {
  return !ack.ok && ack.reason === 'rationaleRequired';
}
