/**
 * The socket.io protocol for workshop control (DESIGN §4): event maps typed into both
 * `Server<…>` and `io<…>()`, and the zod schemas that validate every client payload.
 * Events are named `noun:verb`. Every client request takes an acknowledgement.
 */
import { z } from 'zod';
import type { OwnDeletedCard } from '../board/ownDeletedCards';
import type { Capability, Group } from '../roles';
import {
  type Ballot,
  DEFAULT_BUDGET,
  DEFAULT_DIVERGENCE_POINTS,
  DEFAULT_PER_CARD_CAP,
  MAX_BUDGET,
  MAX_DIVERGENCE_POINTS,
  MIN_DIVERGENCE_POINTS,
  type RoundResults,
  type RoundView,
  type Turnout,
  VOTABLE_SECTIONS,
} from '../voting/types';
import type { FacilitationClientEvents, FacilitationServerEvents } from './facilitationEvents';
import type { PeopleClientEvents, PeopleServerEvents } from './peopleEvents';
import type {
  PrivateWritingClientEvents,
  PrivateWritingServerEvents,
} from './privateWritingEvents';
import type { Reason } from './reasons';
import type { RecordClientEvents, RecordServerEvents } from './recordEvents';

/** What an acknowledgement carries. */
export type Ack<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; reason: Reason; message: string };

const cardId = z.string().min(1).max(64);

export const endorseSchema = z.object({ cardId, textHash: z.string().regex(/^[0-9a-f]{16}$/) });
export const cardRefSchema = z.object({ cardId });
/** Restore a card to how it was after version `seq` (facilitators and the card's co-authors). */
export const cardRevertSchema = z.object({ cardId, seq: z.number().int().min(1) });
export const inviteRefSchema = z.object({ inviteId: z.string().min(1).max(64) });

const roundId = z.string().min(1).max(64);
const isoDate = z.iso.datetime({ offset: true });

/** Open a voting round (facilitators). Candidates are the section's live cards at that moment. */
export const roundOpenSchema = z
  .object({
    section: z.enum(VOTABLE_SECTIONS).default('priorities'),
    budget: z.number().int().min(1).max(MAX_BUDGET).default(DEFAULT_BUDGET),
    perCardCap: z.number().int().min(1).max(MAX_BUDGET).default(DEFAULT_PER_CARD_CAP),
    deadline: isoDate.nullable().default(null),
    resultsVisibility: z.enum(['hidden', 'live']).default('hidden'),
    /** Share gap in percentage points that flags a card as seen differently (issue 13). */
    divergencePoints: z
      .number()
      .int()
      .min(MIN_DIVERGENCE_POINTS)
      .max(MAX_DIVERGENCE_POINTS)
      .default(DEFAULT_DIVERGENCE_POINTS),
  })
  .refine((r) => r.perCardCap <= r.budget, {
    message: 'The most dots on one card cannot be more than the dots each person has.',
  });
export const roundRefSchema = z.object({ roundId });
/** Reopen a closed round, optionally with a new deadline (needed when the old one has passed). */
export const roundReopenSchema = z.object({ roundId, deadline: isoDate.nullable().optional() });
export const roundExtendSchema = z.object({ roundId, deadline: isoDate });
/** Add a card made after the round opened to that open round (facilitators; issue 13). */
export const roundAddCardSchema = z.object({ roundId, cardId });
/** Set your dots on one card to `dots` (0 takes them all back). `key` makes a retry count once. */
export const ballotCastSchema = z.object({
  roundId,
  cardId,
  dots: z.number().int().min(0).max(MAX_BUDGET),
  key: z.string().min(8).max(64),
});

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

/** One version of a card as the viewer may see its author (issue 13). */
export interface CardVersionView {
  /** The last update of this version; restoring names it. */
  seq: number;
  at: string;
  group: Group | null;
  /** "You", a name, or a group-only label, as the visibility rules allow. */
  by: string;
  text: string;
  /** When this version restored an earlier one: that version's seq. */
  restoredFrom: number | null;
}

/** A card's history, oldest version first. */
export interface CardHistoryView {
  cardId: string;
  versions: CardVersionView[];
  /** Whether the viewer may restore an earlier version. */
  mayRestore: boolean;
}

/** A deleted card the facilitator can restore. */
export interface DeletedCard {
  cardId: string;
  deletedAt: string;
  /** "a participant (pink)" style label when the deleter must stay unidentifiable. */
  deletedBy: string;
}

export type { PersonView } from './peopleEvents';

/** An invite link as the facilitator sees it. */
export interface InviteView {
  id: string;
  kind: 'people' | 'system' | 'observer';
  /** null for a link made before tokens were stored hashed: it works but cannot be shown. */
  url: string | null;
  revoked: boolean;
  joined: number;
  /** At most this many may join through it; null for no cap. */
  maxJoins: number | null;
  createdAt: string;
}

export type { OwnDeletedCard };

/** Server → client events. */
export interface ServerToClientEvents
  extends PeopleServerEvents,
    FacilitationServerEvents,
    RecordServerEvents,
    PrivateWritingServerEvents {
  /**
   * Your own entry in "here now" (your name, `you`), sent just before `presence:update`:
   * the list is the same for everyone and holds each person as a stranger sees them.
   */
  'presence:you': (me: PresenceEntry) => void;
  /** Everyone here now, as a stranger sees them: sent once to a socket when it connects. */
  'presence:update': (people: PresenceEntry[]) => void;
  /** Someone arrived (their first connection). */
  'presence:join': (person: PresenceEntry) => void;
  /** Several people arrived in the same moment (after a restart): one message for all (I90). */
  'presence:joined': (people: PresenceEntry[]) => void;
  /** Someone left (their last connection closed). */
  'presence:leave': (person: { key: string }) => void;
  /** Several people left in the same moment: one message for all (I90). */
  'presence:left': (people: { key: string }[]) => void;
  'agreement:update': (cards: CardAgreement[]) => void;
  'deleted:update': (cards: DeletedCard[]) => void;
  /** Your own deleted cards, which you may restore (issue 13); never anyone else's. */
  'deleted:mine': (cards: OwnDeletedCard[]) => void;
  'invite:update': (invites: InviteView[]) => void;
  /** Your access ended (link revoked, removed); the message says why in plain words. */
  'session:ended': (info: { reason: Reason; message: string }) => void;
  /** Every round of the workshop, newest first (settings and status only, never counts). */
  'round:update': (rounds: RoundView[]) => void;
  /** Your own dots in a round. */
  'ballot:mine': (mine: { roundId: string; ballots: Ballot[]; dotsLeft: number }) => void;
  /** Results, sent only once a round is closed, or live when the round shows results live. */
  'results:update': (results: RoundResults) => void;
  /** Facilitators only, while results are hidden: how many in each group have voted. */
  'turnout:update': (t: { roundId: string; turnout: Record<Group, Turnout> }) => void;
  /** A gentle message about a card you wrote, e.g. the other group changed most of it. */
  'card:notice': (n: { cardId: string; message: string }) => void;
  /**
   * A plain message about a round: to you (your dots came back from a deleted card), or to
   * everyone (a card was added to the vote, or came back into it after a restore).
   */
  'round:notice': (n: { roundId: string; message: string }) => void;
  /**
   * Everything a socket is sent when it connects (agreement, rounds, records, the
   * facilitation state…), as one message: each item is an event of this map with its
   * payload, in the order the server put them in (I96). `receiveWelcome` hands each to the
   * socket's own listeners, so they are written once, for the event.
   */
  welcome: (items: WelcomeItem[]) => void;
}

/** One event of a welcome: its name and its payload, as it would have been sent alone. */
export type WelcomeItem = {
  [E in Exclude<keyof ServerToClientEvents, 'welcome'>]: [
    event: E,
    payload: Parameters<ServerToClientEvents[E]>[0],
  ];
}[Exclude<keyof ServerToClientEvents, 'welcome'>];

/** Client → server events; each answers through its acknowledgement. */
export interface ClientToServerEvents
  extends PeopleClientEvents,
    FacilitationClientEvents,
    RecordClientEvents,
    PrivateWritingClientEvents {
  'card:endorse': (p: z.infer<typeof endorseSchema>, ack: (r: Ack) => void) => void;
  'card:delete': (p: z.infer<typeof cardRefSchema>, ack: (r: Ack) => void) => void;
  'card:restore': (p: z.infer<typeof cardRefSchema>, ack: (r: Ack) => void) => void;
  'card:history': (
    p: z.infer<typeof cardRefSchema>,
    ack: (r: Ack<{ history: CardHistoryView }>) => void,
  ) => void;
  'card:revert': (p: z.infer<typeof cardRevertSchema>, ack: (r: Ack) => void) => void;
  'invite:revoke': (p: z.infer<typeof inviteRefSchema>, ack: (r: Ack) => void) => void;
  'round:open': (
    p: z.input<typeof roundOpenSchema>,
    ack: (r: Ack<{ roundId: string }>) => void,
  ) => void;
  'round:close': (p: z.infer<typeof roundRefSchema>, ack: (r: Ack) => void) => void;
  'round:reopen': (p: z.infer<typeof roundReopenSchema>, ack: (r: Ack) => void) => void;
  'round:extend': (p: z.infer<typeof roundExtendSchema>, ack: (r: Ack) => void) => void;
  'round:add-card': (p: z.infer<typeof roundAddCardSchema>, ack: (r: Ack) => void) => void;
  /** The candidates' wording now (the vote shows it as it was at opening); null when deleted. */
  'round:wording': (
    p: z.infer<typeof roundRefSchema>,
    ack: (r: Ack<{ cards: { cardId: string; text: string | null }[] }>) => void,
  ) => void;
  'ballot:cast': (
    p: z.infer<typeof ballotCastSchema>,
    ack: (r: Ack<{ dotsOnCard: number; dotsLeft: number }>) => void,
  ) => void;
}

/** The handshake `auth` payload a client sends. */
export const handshakeSchema = z.object({
  workshopId: z.string().min(1).max(64),
  protocol: z.number().int(),
});
