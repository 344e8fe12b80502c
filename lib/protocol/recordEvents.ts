/**
 * Control-channel events of decision and indicator records (issue 9): the facts one
 * authority decides. Outcomes (with their required rationale), actions and their status,
 * indicator readings and "not possible" closures of priorities are checked by the server,
 * stored in one transaction and only then broadcast; none of them is read from the Y.Doc.
 * Adoption of an indicator is the card endorsement of `card:endorse`, over a hash of all its
 * fields (`recordHash` in lib/board), so it ends on any change.
 */
import { z } from 'zod';
import type { Group } from '../roles';
import type { Ack } from './events';

const recordId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const words = (max: number) => z.string().trim().min(1).max(max);

export const OUTCOMES = [
  'agreed',
  'agreedWithChanges',
  'notAgreed',
  'deferred',
  'notPossible',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABEL: Record<Outcome, string> = {
  agreed: 'Agreed',
  agreedWithChanges: 'Agreed with changes',
  notAgreed: 'Not agreed',
  deferred: 'Put off until later',
  notPossible: 'Not possible',
};

export const ACTION_STATUSES = ['notStarted', 'inProgress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABEL: Record<ActionStatus, string> = {
  notStarted: 'Not started',
  inProgress: 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

/** Limits on what anyone can create (every list has a cap). */
export const RECORD_LIMITS = {
  actionsPerDecision: 20,
  readingsPerIndicator: 200,
  noteChars: 500,
  roleChars: 120,
  /** The shortest rationale accepted when an outcome goes against lived experience. */
  minRationaleChars: 10,
} as const;

/**
 * Save (or change) a decision's outcome. The rationale is the decision's co-edited
 * `rationale` field, read by the server from the room at this moment and stored with the
 * outcome. `livedDisagreed`: the facilitator notes that people with lived experience
 * disagreed with this outcome, so it counts as going against them even without a vote.
 */
export const outcomeSaveSchema = z.object({
  decisionId: recordId,
  outcome: z.enum(OUTCOMES),
  livedDisagreed: z.boolean().default(false),
});

export const actionAddSchema = z.object({
  decisionId: recordId,
  what: words(RECORD_LIMITS.noteChars),
  who: words(RECORD_LIMITS.roleChars),
  byWhen: isoDay.nullable(),
});

/** A status change; `reason` is required when the action is dropped. */
export const actionStatusSchema = z
  .object({
    actionId: recordId,
    status: z.enum(ACTION_STATUSES),
    reason: z.string().trim().max(RECORD_LIMITS.noteChars).default(''),
  })
  .refine((a) => a.status !== 'dropped' || a.reason.length > 0, {
    message: 'Say why the action was dropped.',
    path: ['reason'],
  });

export const readingAddSchema = z.object({
  indicatorId: recordId,
  value: z.number().finite().min(-1e12).max(1e12),
  date: isoDay,
  note: z.string().trim().max(RECORD_LIMITS.noteChars).default(''),
});
export const readingRemoveSchema = z.object({ readingId: recordId });

/** Close a Joint priorities card as "Not possible, because …", or reopen it (reason ''). */
export const priorityCloseSchema = z
  .object({
    cardId: recordId,
    closed: z.boolean(),
    reason: z.string().trim().max(RECORD_LIMITS.noteChars).default(''),
  })
  .refine((c) => !c.closed || c.reason.length > 0, {
    message: 'Say why it is not possible before closing it.',
    path: ['reason'],
  });

/** A saved outcome, as everyone sees it. */
export interface OutcomeView {
  decisionId: string;
  outcome: Outcome;
  /** The rationale as it was when the outcome was saved. */
  rationale: string;
  /** True when this goes against what people with lived experience asked for. */
  againstLived: boolean;
  /** Why it counts as against them: their side of a linked vote, or the facilitator's note. */
  againstBecause: 'vote' | 'note' | null;
  savedAt: string;
}

export interface ActionView {
  id: string;
  decisionId: string;
  what: string;
  who: string;
  byWhen: string | null;
  status: ActionStatus;
  /** Why it was dropped ('' otherwise). */
  reason: string;
  updatedAt: string;
}

export interface ReadingView {
  id: string;
  indicatorId: string;
  value: number;
  date: string;
  note: string;
  /** Who added it, as the visibility policy lets this viewer see them. */
  addedBy: string;
  addedByGroup: Group | null;
  addedAt: string;
}

export interface ClosureView {
  cardId: string;
  reason: string;
  closedAt: string;
}

/** Everything the records module holds for a workshop, as one viewer may see it. */
export interface RecordsView {
  outcomes: OutcomeView[];
  actions: ActionView[];
  readings: ReadingView[];
  closures: ClosureView[];
}

type Req<S extends z.ZodType, T extends object = object> = (
  p: z.input<S>,
  ack: (r: Ack<T>) => void,
) => void;

/** Client → server events of records; each answers through its acknowledgement. */
export interface RecordClientEvents {
  'outcome:save': Req<typeof outcomeSaveSchema, { outcome: OutcomeView }>;
  'action:add': Req<typeof actionAddSchema, { action: ActionView }>;
  'action:status': Req<typeof actionStatusSchema, { action: ActionView }>;
  'reading:add': Req<typeof readingAddSchema, { reading: ReadingView }>;
  'reading:remove': Req<typeof readingRemoveSchema>;
  'priority:close': Req<typeof priorityCloseSchema>;
}

/** Server → client events of records. */
export interface RecordServerEvents {
  /** Everyone: the whole records state, sent on join and after every stored change. */
  'records:update': (view: RecordsView) => void;
}
