/**
 * The one summary model (issue 10, DESIGN §9): a pure function from the board, rounds and
 * results and attribution figures to what every format renders. Names pass through the
 * visibility policy (`takingPart.ts`); hidden rounds never give counts (I17).
 */

import { roundTurnout, sectionBalance } from './balance';
import { byRank, latestVotes, summariseCard } from './cards';
import type { SummaryInput } from './input';
import { summaryLimits } from './limits';
import { summariseDecision, summariseIndicator, youSaidWeDid } from './records';
import {
  SUMMARY_SCHEMA_VERSION,
  type SummaryCard,
  type SummaryModel,
  type SummaryVote,
} from './schema';
import { facilitators, takingPart } from './takingPart';

/** Build the summary `input.viewer` may see. */
export function buildSummary(input: SummaryInput): SummaryModel {
  const cards = new Map<string, SummaryCard>(input.cards.map((c) => [c.id, summariseCard(c)]));
  const votes = latestVotes(input.rounds);
  const ofSection = (s: SummaryInput['cards'][number]['section']) =>
    input.cards.filter((c) => c.section === s);
  const inSection = (s: SummaryInput['cards'][number]['section']) =>
    ofSection(s).map((c) => cards.get(c.id) as SummaryCard);
  const withVote = (c: SummaryCard): SummaryCard & { vote?: SummaryVote } => {
    const vote = votes.get(c.cardId);
    return vote ? { ...c, vote } : { ...c };
  };
  const priorities = byRank(inSection('priorities').map(withVote));
  const texts = new Map(input.cards.map((c) => [c.id, c.text]));
  const decisions = ofSection('decisions').map((c) =>
    summariseDecision(c, cards.get(c.id) as SummaryCard, input, texts),
  );
  const indicators = ofSection('indicators').map((c) =>
    summariseIndicator(c, withVote(cards.get(c.id) as SummaryCard), input, texts),
  );
  const part = takingPart(input);
  const rounds = roundTurnout(input);
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    audience: input.viewer.capability === 'facilitator' ? 'facilitator' : 'participant',
    status: input.status,
    generatedAt: input.generatedAt,
    workshop: {
      ...input.workshop,
      firstActivity: input.activity.firstEdit ?? input.workshop.createdAt,
      lastActivity: input.activity.lastActivity,
    },
    facilitators: facilitators(input),
    takingPart: part,
    context: inSection('context'),
    priorities,
    decisions,
    indicators: byRank(indicators),
    youSaidWeDid: youSaidWeDid(
      input,
      priorities.map((p) => p.cardId),
    ),
    balance: { sections: sectionBalance(input, cards), rounds },
    limits: summaryLimits(input, part, rounds),
  };
}
