/**
 * Voting rounds, ballots and results (issue 4). Ballots are server-authoritative and
 * never live in the Y.Doc; results come from one pure function (`tally.ts`).
 */
import type { Group } from '../roles';

/** Sections a round can be opened on. */
export const VOTABLE_SECTIONS = ['priorities', 'indicators'] as const;
export type VotableSection = (typeof VOTABLE_SECTIONS)[number];

/** Defaults and limits for a round's settings. */
export const DEFAULT_BUDGET = 5;
export const DEFAULT_PER_CARD_CAP = 3;
export const MAX_BUDGET = 50;

/**
 * Default share gap, in percentage points, at which a card is flagged because the groups
 * see it differently. A facilitator can choose another when opening a round. Chosen so a
 * typical round flags a few cards, not most: the worked example is in `tally.test.ts`.
 */
export const DEFAULT_DIVERGENCE_POINTS = 15;
/** The gaps a facilitator can choose from (percentage points). */
export const MIN_DIVERGENCE_POINTS = 5;
export const MAX_DIVERGENCE_POINTS = 50;

/** When others' votes may be seen. */
export type ResultsVisibility = 'hidden' | 'live';

/** One candidate card, fixed (id and text as it stood) when the round opened. */
export interface Candidate {
  cardId: string;
  text: string;
  /** Set when the card was deleted after the round opened; its dots went back to the voters. */
  removedAt: string | null;
  /** Set when the facilitator added the card after the round opened (its text as added). */
  addedAt: string | null;
}

/** A voting round as everyone may see it (no counts: those are results). */
export interface RoundView {
  id: string;
  workshopId: string;
  section: VotableSection;
  budget: number;
  perCardCap: number;
  /** ISO date-time; voting stops then unless the facilitator extends it. */
  deadline: string | null;
  resultsVisibility: ResultsVisibility;
  candidates: Candidate[];
  openedAt: string;
  /** Set when the facilitator closed it early (a passed deadline also closes it). */
  closedAt: string | null;
  /** 'open' or 'closed', computed by the server from closedAt and the deadline. */
  status: 'open' | 'closed';
  /**
   * How many people in each group may vote (not how many have): lets the vote page warn,
   * before anyone votes, when a group is too small for its votes to stay private. Fixed
   * when the round closed.
   */
  eligible: Record<Group, number>;
  /** Share gap in percentage points at which a card is flagged as divergent. */
  divergencePoints: number;
}

/** One participant's dots on one card. */
export interface Ballot {
  cardId: string;
  dots: number;
}

/** One ballot row with its voter's group, as the tally reads it. */
export interface TallyBallot {
  participantId: string;
  group: Group;
  cardId: string;
  dots: number;
}

/** Turnout of one group: who has voted, out of who could. */
export interface Turnout {
  voted: number;
  eligible: number;
}

/** The result for one candidate card. */
export interface CardResult {
  cardId: string;
  text: string;
  total: number;
  dots: Record<Group, number>;
  /** The card's share of each group's dots (0–1); 0 when the group cast none. */
  shares: Record<Group, number>;
  /** ½ × people share + ½ × staff share; one group's share alone when the other cast no dots. */
  balancedScore: number;
  /** The groups' shares differ by at least the round's divergence threshold. */
  divergent: boolean;
  /** 1-based competition rank by balanced score (1, 1, 3 …). */
  rank: number;
  tied: boolean;
}

/** Which groups the balanced ranking rests on. */
export type RankingBasis = 'both' | 'people-only' | 'system-only' | 'none';

/** Everything a results view shows. */
export interface RoundResults {
  roundId: string;
  /** Cards in rank order; ties keep the round's candidate order. */
  cards: CardResult[];
  totals: Record<Group, number> & { all: number };
  turnout: Record<Group, Turnout>;
  basis: RankingBasis;
  /** One plain sentence about the basis, e.g. when only one group voted. */
  basisNote: string;
  /** The share gap (percentage points) this tally flagged cards at. */
  divergencePoints: number;
}
