/**
 * Control-channel events of live facilitation (issue 11, first part): timer, focus,
 * locks, hands, balance, attendance and co-facilitators. Times travel with the server's
 * `now` so every client corrects for its own clock's skew.
 */
import { z } from 'zod';
import { SECTIONS } from '../board/sections';
import type { Agenda, agendaEditSchema, agendaGoSchema } from '../facilitation/agenda';
import type { BalanceView } from '../facilitation/balance';
import { HAND_KINDS, type HandKind, type PrivateWritingState } from '../facilitation/state';
import type { Group } from '../roles';
import type { Ack } from './events';

/** What everyone sees of the timer. `deadline` while running; `remainingMs` while paused. */
export interface TimerView {
  durationMs: number;
  /** When this timer was started: a new value means a new timer. */
  startedAt: string;
  deadline: string | null;
  remainingMs: number;
  /** The server's clock when this was sent (ms since epoch), for skew correction. */
  serverNow: number;
}

/** What everyone sees of facilitation. */
export interface FacilitationView {
  timer: TimerView | null;
  focus: { kind: 'section' | 'card'; id: string; at: string } | null;
  locks: { cards: string[]; sections: string[] };
  /** How many hands are up (private ones left out). */
  handsUp: number;
  /** Your own hand, if raised. */
  myHand: { kind: HandKind | null; private: boolean; at: string } | null;
  /** Private writing (issue 11): new cards go to your own draft until a facilitator reveals them. */
  privateWriting?: PrivateWritingState | null;
  /** The agenda's steps and the current one (null: not running, the board is open). */
  agenda: Agenda;
}

/** A raised hand as facilitators see it, in queue order; labelled by the visibility policy. */
export interface HandView {
  /** The people-list key of the person: facilitators lower a hand by it. */
  key: string;
  label: string;
  group: Group | null;
  kind: HandKind | null;
  private: boolean;
  at: string;
}

/** One person's time present, as facilitators see it (names as the visibility policy allows). */
export interface AttendanceView {
  key: string;
  label: string;
  group: Group | null;
  firstJoined: string;
  lastLeft: string | null;
  /** Minutes connected per UTC day (`YYYY-MM-DD`). */
  minutesByDay: Record<string, number>;
}

export const MAX_TIMER_MS = 4 * 60 * 60 * 1000;
const ms = z.number().int().min(1000).max(MAX_TIMER_MS);
export const timerStartSchema = z.object({ durationMs: ms });
export const timerAddSchema = z.object({ addMs: ms });
export const focusSetSchema = z.union([
  z.object({ kind: z.literal('section'), id: z.enum(SECTIONS) }),
  z.object({ kind: z.literal('card'), id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }),
  z.object({ kind: z.literal('none') }),
]);
export const lockSetSchema = z.union([
  z.object({ kind: z.literal('section'), id: z.enum(SECTIONS), locked: z.boolean() }),
  z.object({
    kind: z.literal('card'),
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    locked: z.boolean(),
  }),
]);
export const handRaiseSchema = z.object({
  kind: z.enum(HAND_KINDS).nullable().default(null),
  private: z.boolean().default(false),
});
/** Lower a hand: your own (no key) or, for facilitators, someone's by people-list key. */
export const handLowerSchema = z.object({ key: z.string().min(1).max(64).optional() });
export const coFacilitatorSchema = z.object({ key: z.string().min(1).max(64), on: z.boolean() });
export const noPayloadSchema = z.object({}).strict();

type Req<S extends z.ZodType, T extends object = object> = (
  p: z.input<S>,
  ack: (r: Ack<T>) => void,
) => void;

/** Client → server events of facilitation; each answers through its acknowledgement. */
export interface FacilitationClientEvents {
  'timer:start': Req<typeof timerStartSchema>;
  'timer:pause': Req<typeof noPayloadSchema>;
  'timer:resume': Req<typeof noPayloadSchema>;
  'timer:add': Req<typeof timerAddSchema>;
  'timer:stop': Req<typeof noPayloadSchema>;
  'focus:set': Req<typeof focusSetSchema>;
  'lock:set': Req<typeof lockSetSchema>;
  'hand:raise': Req<typeof handRaiseSchema>;
  'hand:lower': Req<typeof handLowerSchema>;
  'balance:start': Req<typeof noPayloadSchema>;
  'attendance:list': Req<
    typeof noPayloadSchema,
    { people: AttendanceView[]; csv: string; serverNow: number }
  >;
  'cofacilitator:set': Req<typeof coFacilitatorSchema>;
  /** Facilitators: add, remove, rename, reorder a step or change its rules (I51). */
  'agenda:edit': Req<typeof agendaEditSchema>;
  /** Facilitators: move the room to a step, or end the agenda (`to: null`), if still at `from` (I53). */
  'agenda:go': Req<typeof agendaGoSchema>;
}

/** Server → client events of facilitation. */
export interface FacilitationServerEvents {
  /** Everyone: the timer, focus, locks and your own hand. */
  'facilitation:update': (view: FacilitationView) => void;
  /** Facilitators only: the hands queue, oldest first. */
  'hands:update': (hands: HandView[]) => void;
  /** Facilitators only: each group's share of what was written and of hands raised. */
  'balance:update': (balance: BalanceView) => void;
  /** You became, or stopped being, a co-facilitator: reload your view. */
  'capability:update': (c: { capability: 'facilitator' | 'contributor' }) => void;
}
