/**
 * The summary's documented, versioned format (issue 10): the zod schema every renderer's
 * model satisfies and the JSON export is validated against. Consumers can import
 * `summarySchema` and `safeParse` a downloaded file. Bump `SUMMARY_SCHEMA_VERSION` on any
 * change that is not a new optional field.
 *
 * Decision and indicator RECORDS (issue 6) do not exist yet: the record fields below are
 * optional and stay absent until they do; today each decision and indicator is a card.
 */
import { z } from 'zod';

/** The version written in every summary's `schemaVersion`. */
export const SUMMARY_SCHEMA_VERSION = 1;

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

const action = z.object({
  text: z.string(),
  owner: z.string().optional(),
  due: isoDate.optional(),
});

/** A decision: today its card; the record fields arrive with issue 6. */
export const decisionSchema = cardSchema.extend({
  proposal: z.string().optional(),
  rule: z.string().optional(),
  powerLedger: z.string().optional(),
  outcome: z.string().optional(),
  rationale: z.string().optional(),
  /** The "goes against what people with lived experience asked for" statement. */
  againstLivedExperience: z.string().optional(),
  actions: z.array(action).optional(),
  /** Ids of the priority cards this decision answers. */
  answers: z.array(z.string()).optional(),
});

/** A quality indicator: today its card (and its vote); the record fields arrive with issue 6. */
export const indicatorSchema = cardSchema.extend({
  vote: voteSchema.optional(),
  measure: z.string().optional(),
  target: z.string().optional(),
  baseline: z.string().optional(),
  dataSource: z.string().optional(),
  owner: z.string().optional(),
  reviewDate: isoDate.optional(),
  adoption: z.object({ adopted: z.boolean(), endorsedBy: perGroup }).optional(),
  readings: z.array(z.object({ date: isoDate, value: z.string() })).optional(),
});

/** A joint priority, in rank order. */
export const prioritySchema = cardSchema.extend({ vote: voteSchema.optional() });

/** "You said, we did": what became of each priority. */
export const youSaidSchema = z.object({
  cardId: z.string(),
  text: z.string(),
  /** What became of it (a decision or indicator that answers it); absent while open. */
  outcome: z.string().optional(),
  status: z.enum(['open', 'answered', 'notPossible']),
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
export type SummaryVote = z.infer<typeof voteSchema>;
export type SectionBalance = z.infer<typeof sectionBalanceSchema>;
export type RoundTurnout = z.infer<typeof roundTurnoutSchema>;
