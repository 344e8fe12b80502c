/**
 * The summary's documented, versioned format (issue 10): the zod schema every renderer's
 * model satisfies and the JSON export is validated against. Consumers can import
 * `summarySchema` and `safeParse` a downloaded file. Bump `SUMMARY_SCHEMA_VERSION` on any
 * change that is not a new optional field.
 *
 * Version 2 (issue 9's records): decisions and quality indicators carry every field of
 * their record, the facts the server stores about them (outcome, rationale, actions,
 * readings, adoption), and "You said, we did" says what became of each priority with the
 * same answer as the impact page (`lib/records/impact.ts`).
 */
import { z } from 'zod';

/** The version written in every summary's `schemaVersion`. */
export const SUMMARY_SCHEMA_VERSION = 2;

const group = z.enum(['people', 'system']);
const colour = z.enum(['people', 'system', 'joint']);
const perGroup = z.object({ people: z.number(), system: z.number() });
const isoDate = z.string();

/** Both groups endorsed the current wording, it drifted since, or nobody agreed it yet. */
export const agreementSchema = z.enum(['agreed', 'drifted', 'none']);

/** A card's vote in the latest round it was a candidate of, when results may be seen. */
export const voteSchema = z.object({
  roundId: z.string(),
  dots: perGroup,
  /** The card's share of each group's dots, 0–1. */
  shares: perGroup,
  balancedScore: z.number(),
  rank: z.number().int(),
  tied: z.boolean(),
  divergent: z.boolean(),
});

/** What every summarised card carries. */
export const cardSchema = z.object({
  cardId: z.string(),
  text: z.string(),
  colour,
  /** Share of the card's attributed characters written by each group, 0–1. */
  shares: perGroup,
  agreement: agreementSchema,
  /** The group that changed it alone since both groups agreed (when drifted). */
  driftedBy: group.nullable(),
});

/** A card a decision answers or an indicator serves, as it reads now. */
const linkedCard = z.object({ cardId: z.string(), text: z.string() });

/** Something someone will do about a decision. */
const action = z.object({
  text: z.string(),
  /** Who will do it: a role, as the facilitator wrote it. */
  owner: z.string(),
  due: isoDate.nullable(),
  /** Its status in words (ACTION_STATUS_LABEL). */
  status: z.string(),
  /** Why it was dropped ('' otherwise). */
  reason: z.string(),
});

/** A decision record: its fields, its outcome and what will be done. */
export const decisionSchema = cardSchema.extend({
  /** The question or proposal (the record's `text`, also in `text`). */
  proposal: z.string(),
  options: z.string(),
  /** How it is decided, in words (DECISION_RULE_LABEL); null when not recorded. */
  rule: z.string().nullable(),
  /** Who holds power over it: budget or veto, what is out of the room's hands, passed on to. */
  powerLedger: z.object({ holder: z.string(), outOfHands: z.string(), passedOnTo: z.string() }),
  /** The saved outcome in words (OUTCOME_LABEL); null while undecided. */
  outcome: z.string().nullable(),
  /** The co-edited "Why" as it is now. */
  rationale: z.string(),
  /**
   * "This goes against what people with lived experience asked for, because …", with the
   * rationale stored with the outcome; null when the outcome does not go against them.
   */
  againstLivedExperience: z.string().nullable(),
  actions: z.array(action),
  /** The cards this decision answers. */
  answers: z.array(linkedCard),
});

/** One reading of an indicator; `addedBy` as the visibility policy lets the viewer see them. */
export const readingSchema = z.object({
  date: isoDate,
  value: z.number(),
  note: z.string(),
  addedBy: z.string(),
});

/** A quality indicator record: its fields, adoption and readings (and its vote). */
export const indicatorSchema = cardSchema.extend({
  vote: voteSchema.optional(),
  measure: z.string(),
  target: z.string(),
  baseline: z.string(),
  dataSource: z.string(),
  owner: z.string(),
  reviewDate: isoDate.nullable(),
  /** Adopted: one person of each group endorsed it as it is now. */
  adoption: z.object({ adopted: z.boolean(), endorsedBy: z.array(group) }),
  readings: z.array(readingSchema),
  /** The priorities it serves. */
  serves: z.array(linkedCard),
});

/** A joint priority, in rank order. */
export const prioritySchema = cardSchema.extend({ vote: voteSchema.optional() });

/** "You said, we did": what became of each priority (`impactOf`, the impact page's answer). */
export const youSaidSchema = z.object({
  cardId: z.string(),
  text: z.string(),
  /** decided, underway (linked, not decided yet), closed ("not possible") or open. */
  status: z.enum(['decided', 'underway', 'closed', 'open']),
  /** What became of it, in words. */
  outcome: z.string(),
});

/** One group's headcount, as the summary may report it. */
export const takingPartGroupSchema = z.object({
  group: z.enum(['people', 'system', 'observer']),
  joined: z.number().int(),
  contributed: z.number().int(),
  /** Fewer than three people: shown only as a group. */
  small: z.boolean(),
});

/** Balance of one section: characters and cards by group. */
export const sectionBalanceSchema = z.object({
  section: z.enum(['context', 'priorities', 'decisions', 'indicators']),
  title: z.string(),
  chars: perGroup,
  cards: z.object({ people: z.number().int(), system: z.number().int(), joint: z.number().int() }),
});

/** Turnout of one voting round per group. */
export const roundTurnoutSchema = z.object({
  roundId: z.string(),
  number: z.number().int(),
  section: z.enum(['priorities', 'indicators']),
  openedAt: isoDate,
  status: z.enum(['open', 'closed']),
  /** False while results are hidden: then only turnout is reported. */
  resultsShown: z.boolean(),
  turnout: z.object({
    people: z.object({ voted: z.number().int(), eligible: z.number().int() }),
    system: z.object({ voted: z.number().int(), eligible: z.number().int() }),
  }),
  basisNote: z.string(),
});

/** The whole summary. */
export const summarySchema = z.object({
  schemaVersion: z.literal(SUMMARY_SCHEMA_VERSION),
  audience: z.enum(['facilitator', 'participant']),
  status: z.enum(['draft', 'final']),
  generatedAt: isoDate,
  workshop: z.object({
    id: z.string(),
    title: z.string(),
    question: z.string(),
    createdAt: isoDate,
    firstActivity: isoDate.nullable(),
    lastActivity: isoDate.nullable(),
  }),
  facilitators: z.array(z.object({ label: z.string(), group: group.nullable() })),
  takingPart: z.object({
    groups: z.array(takingPartGroupSchema),
    /** Names of people who chose to show them, where the visibility policy allows. */
    names: z.array(z.object({ name: z.string(), group })),
  }),
  context: z.array(cardSchema),
  priorities: z.array(prioritySchema),
  decisions: z.array(decisionSchema),
  indicators: z.array(indicatorSchema),
  youSaidWeDid: z.array(youSaidSchema),
  balance: z.object({
    sections: z.array(sectionBalanceSchema),
    rounds: z.array(roundTurnoutSchema),
  }),
  /** "What the summary cannot say": plain sentences. */
  limits: z.array(z.string()),
});

/** The summary model every renderer reads. */
export type SummaryModel = z.infer<typeof summarySchema>;
export type SummaryCard = z.infer<typeof cardSchema>;
export type SummaryPriority = z.infer<typeof prioritySchema>;
export type SummaryDecision = z.infer<typeof decisionSchema>;
export type SummaryIndicator = z.infer<typeof indicatorSchema>;
export type SummaryYouSaid = z.infer<typeof youSaidSchema>;
export type SummaryVote = z.infer<typeof voteSchema>;
export type SectionBalance = z.infer<typeof sectionBalanceSchema>;
export type RoundTurnout = z.infer<typeof roundTurnoutSchema>;
