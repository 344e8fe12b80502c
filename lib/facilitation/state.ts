/**
 * Live facilitation state (issue 11): timer, focus, locks, hands, the moment balance
 * counting started and the agenda. One JSON document per workshop, stored whole by the
 * server in one write per action and parsed back with the schema below.
 */
import { z } from 'zod';
import { SECTIONS } from '../board/sections';
import { agendaSchema, defaultAgenda } from './agenda';

/** Why a hand is raised; null: no reason given. */
export const HAND_KINDS = ['speak', 'question', 'break'] as const;
export type HandKind = (typeof HAND_KINDS)[number];

/** Plain-English words for each reason, shown to facilitators and to the person. */
export const HAND_LABEL: Record<HandKind, string> = {
  speak: "I'd like to speak",
  question: 'I have a question',
  break: 'I need a break',
};

const cardId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const iso = z.iso.datetime({ offset: true });

/** A running or paused timer; `deadline` while running, `remainingMs` while paused. */
export const timerSchema = z.object({
  durationMs: z.number().int().min(0),
  deadline: iso.nullable(),
  remainingMs: z.number().int().min(0).nullable(),
  startedAt: iso,
});
export type TimerState = z.infer<typeof timerSchema>;

export const focusSchema = z.object({
  kind: z.enum(['section', 'card']),
  id: z.string().min(1).max(64),
  at: iso,
});
export type FocusState = z.infer<typeof focusSchema>;

export const handSchema = z.object({
  participantId: z.string().min(1).max(64),
  kind: z.enum(HAND_KINDS).nullable(),
  /** Only facilitators see a private hand (a break asked for quietly). */
  private: z.boolean(),
  at: iso,
});
export type HandState = z.infer<typeof handSchema>;

/**
 * Private writing (issue 11): since `since`, new cards go to each person's own draft; while
 * `revealing`, drafts take no writes and are being merged into the board.
 */
export const privateWritingSchema = z.object({ since: iso, revealing: z.boolean() });
export type PrivateWritingState = z.infer<typeof privateWritingSchema>;

export const facilitationSchema = z.object({
  timer: timerSchema.nullable(),
  focus: focusSchema.nullable(),
  locks: z.object({ cards: z.array(cardId), sections: z.array(z.enum(SECTIONS)) }),
  /** Raised hands, oldest first: the queue order. */
  hands: z.array(handSchema),
  /**
   * Balance counts what was written after update `afterSeq` (stored at `since`; null: since
   * the workshop began) and the hands raised since then, per group.
   */
  counting: z.object({
    since: iso.nullable(),
    afterSeq: z.number().int().min(0),
    raised: z.object({ people: z.number().int().min(0), system: z.number().int().min(0) }),
  }),
  /** Absent in states stored before private writing existed. */
  privateWriting: privateWritingSchema.nullable().default(null),
  /** The agenda and the current step; states stored before it existed get the default. */
  agenda: agendaSchema.default(defaultAgenda),
});
export type FacilitationState = z.infer<typeof facilitationSchema>;

/** The state of a workshop nobody has facilitated yet. */
export function emptyFacilitation(): FacilitationState {
  return {
    timer: null,
    focus: null,
    locks: { cards: [], sections: [] },
    hands: [],
    counting: { since: null, afterSeq: 0, raised: { people: 0, system: 0 } },
    privateWriting: null,
    agenda: defaultAgenda(),
  };
}

/** True while new cards go to drafts that take writes (on, and not being revealed). */
export function draftsOpen(s: Pick<FacilitationState, 'privateWriting'>): boolean {
  return s.privateWriting !== null && !s.privateWriting.revealing;
}

/** Milliseconds left on a timer at server time `nowMs` (never below zero). */
export function timerRemaining(timer: TimerState, nowMs: number): number {
  if (timer.deadline === null) return timer.remainingMs ?? 0;
  return Math.max(0, Date.parse(timer.deadline) - nowMs);
}
