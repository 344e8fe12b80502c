/**
 * What the summary model is built from (issue 10): plain data the server gathers from the
 * board, the rounds and their results, and the attribution figures. No access needs are
 * ever part of it, so no renderer can leak them.
 */
import type { FieldValue } from '../board/records';
import type { RecordKind } from '../board/schema';
import type { Section } from '../board/sections';
import type { RecordsView } from '../protocol/recordEvents';
import type { Capability, Group } from '../roles';
import type { PolicyPerson } from '../visibility/policy';
import type { RoundResults, VotableSection } from '../voting/types';

/** One live card with its attribution figures and agreement facts. */
export interface SummaryCardInput {
  id: string;
  section: Section;
  text: string;
  /** Live characters written under each group's clientIDs. */
  counts: { people: number; system: number };
  creatorGroup: Group | null;
  /** Groups with a member who endorsed the card's current text. */
  endorsedBy: Group[];
  /** The group that alone changed it since both groups agreed. */
  driftedBy: Group | null;
  kind: RecordKind;
  /** Every non-base field of the record (`readRecord`): decisions' and indicators' fields. */
  fields: Record<string, FieldValue>;
}

/** A round with its results, as the tally gives them. */
export interface SummaryRoundInput {
  id: string;
  section: VotableSection;
  openedAt: string;
  status: 'open' | 'closed';
  /** Whether anyone may see its counts now (closed, or live results), invariant I17. */
  resultsVisible: boolean;
  results: RoundResults;
}

/** A participant as the summary may know them: the policy's facts, nothing more. */
export type SummaryPerson = PolicyPerson & { createdAt: string; removedAt: string | null };

/** Everything `buildSummary` reads. */
export interface SummaryInput {
  viewer: { id: string; capability: Capability };
  status: 'draft' | 'final';
  generatedAt: string;
  workshop: { id: string; title: string; question: string; createdAt: string };
  people: SummaryPerson[];
  activity: { firstEdit: string | null; lastActivity: string | null; contributors: string[] };
  /** Live cards in board order. */
  cards: SummaryCardInput[];
  /** Rounds, oldest first. */
  rounds: SummaryRoundInput[];
  /** Outcomes, actions, readings and closures as this viewer may see them (`recordsViewFor`). */
  records: RecordsView;
}
