/**
 * Control-channel events of private writing (issue 11): a facilitator starts it and reveals
 * every draft at once; everyone is told how many cards wait per group (never text or names).
 */
import type { Group } from '../roles';
import type { Ack } from './events';
import type { noPayloadSchema } from './facilitationEvents';

/** Cards waiting in drafts, per group. */
export type WaitingCounts = Record<Group, number>;

/** What a reveal did: how many people's cards went on the board, and how many could not. */
export interface RevealOutcome {
  shown: number;
  notShown: number;
}

type Req<T extends object = object> = (
  p: import('zod').input<typeof noPayloadSchema>,
  ack: (r: Ack<T>) => void,
) => void;

/** Client → server: facilitators only. */
export interface PrivateWritingClientEvents {
  'private:start': Req;
  'private:reveal': Req<RevealOutcome>;
}

/** Server → client: everyone in the workshop. */
export interface PrivateWritingServerEvents {
  'private:counts': (counts: WaitingCounts) => void;
}
