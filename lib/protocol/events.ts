/**
 * The socket.io protocol for workshop control (DESIGN §4): event maps typed into both
 * `Server<…>` and `io<…>()`, and the zod schemas that validate every client payload.
 * Events are named `noun:verb`. Every client request takes an acknowledgement.
 */
import { z } from 'zod';
import type { Capability, Group } from '../roles';
import type { Reason } from './reasons';

/** What an acknowledgement carries. */
export type Ack<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; reason: Reason; message: string };

const cardId = z.string().min(1).max(64);

export const endorseSchema = z.object({ cardId, textHash: z.string().regex(/^[0-9a-f]{16}$/) });
export const cardRefSchema = z.object({ cardId });
export const inviteRefSchema = z.object({ inviteId: z.string().min(1).max(64) });

/** One person in the room, as others may see them. */
export interface PresenceEntry {
  /** Stable key for React lists; not a participant id when the person is anonymous. */
  key: string;
  group: Group | null;
  capability: Capability;
  /** Absent when the person chose to be anonymous. */
  name?: string;
  you?: boolean;
}

/** Agreement state of one card, computed by the server from its endorsement records. */
export interface CardAgreement {
  cardId: string;
  /** The text hash each group's current endorsements refer to, with how many endorsed it. */
  endorsements: { group: Group; textHash: string; count: number; you: boolean }[];
  /** Set when both groups had agreed, and every change since came from one group. */
  driftedBy: Group | null;
}

/** A deleted card the facilitator can restore. */
export interface DeletedCard {
  cardId: string;
  deletedAt: string;
  /** "a participant (pink)" style label when the deleter must stay unidentifiable. */
  deletedBy: string;
}

/** An invite link as the facilitator sees it. */
export interface InviteView {
  id: string;
  kind: 'people' | 'system' | 'observer';
  url: string;
  revoked: boolean;
  joined: number;
}

/** Server → client events. */
export interface ServerToClientEvents {
  'presence:update': (people: PresenceEntry[]) => void;
  'agreement:update': (cards: CardAgreement[]) => void;
  'deleted:update': (cards: DeletedCard[]) => void;
  'invite:update': (invites: InviteView[]) => void;
  /** Your access ended (link revoked, removed); the message says why in plain words. */
  'session:ended': (info: { reason: Reason; message: string }) => void;
}

/** Client → server events; each answers through its acknowledgement. */
export interface ClientToServerEvents {
  'card:endorse': (p: z.infer<typeof endorseSchema>, ack: (r: Ack) => void) => void;
  'card:delete': (p: z.infer<typeof cardRefSchema>, ack: (r: Ack) => void) => void;
  'card:restore': (p: z.infer<typeof cardRefSchema>, ack: (r: Ack) => void) => void;
  'invite:revoke': (p: z.infer<typeof inviteRefSchema>, ack: (r: Ack) => void) => void;
}

/** The handshake `auth` payload a client sends. */
export const handshakeSchema = z.object({
  workshopId: z.string().min(1).max(64),
  protocol: z.number().int(),
});
