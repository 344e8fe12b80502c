/**
 * Cards as the summary shows them (issue 10 §2–5): colour from the one colour rule,
 * agreement or drift, and the card's result in the latest round whose counts may be seen.
 */
import { cardColour } from '../attribution/colour';
import type { SummaryCardInput, SummaryRoundInput } from './input';
import type { SummaryCard, SummaryVote } from './schema';

/** One card's colour, shares and agreement. */
export function summariseCard(c: SummaryCardInput): SummaryCard {
  const endorsedBy = new Set(c.endorsedBy);
  const { colour, shares } = cardColour({
    counts: { ...c.counts, unknown: 0 },
    creatorGroup: c.creatorGroup,
    endorsedBy,
  });
  const agreed = endorsedBy.has('people') && endorsedBy.has('system');
  return {
    cardId: c.id,
    text: c.text,
    colour,
    shares,
    agreement: c.driftedBy ? 'drifted' : agreed ? 'agreed' : 'none',
    driftedBy: c.driftedBy,
  };
}

/** Each card's result in the latest visible round it was a candidate of (I17: never a hidden one). */
export function latestVotes(rounds: SummaryRoundInput[]): Map<string, SummaryVote> {
  const out = new Map<string, SummaryVote>();
  for (const r of rounds) {
    if (!r.resultsVisible) continue;
    for (const c of r.results.cards) {
      out.set(c.cardId, {
        roundId: r.id,
        dots: c.dots,
        shares: c.shares,
        balancedScore: c.balancedScore,
        rank: c.rank,
        tied: c.tied,
        divergent: c.divergent,
      });
    }
  }
  return out;
}

/** Voted cards first by rank from their round (ties in board order), then the rest in board order. */
export function byRank<T extends { vote?: SummaryVote }>(cards: T[]): T[] {
  return cards
    .map((card, index) => ({ card, index }))
    .sort((a, b) => {
      const ra = a.card.vote?.rank ?? Number.POSITIVE_INFINITY;
      const rb = b.card.vote?.rank ?? Number.POSITIVE_INFINITY;
      return ra === rb ? a.index - b.index : ra - rb;
    })
    .map((x) => x.card);
}
