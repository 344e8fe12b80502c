/**
 * The one tally of a voting round (issue 4, DESIGN §1: "acknowledging different amounts
 * of power"). Pure: the same candidates, ballots and headcounts give the same results in
 * any order. Each group weighs half of the balanced score whatever its size; ranks and
 * divergence are decided exactly on integers, never on floating-point shares.
 */
import { GROUPS, type Group } from '../roles';
import {
  type Candidate,
  type CardResult,
  DEFAULT_DIVERGENCE_POINTS,
  type RankingBasis,
  type RoundResults,
  type TallyBallot,
  type Turnout,
} from './types';

/** What the tally reads: the round's candidates in order, its ballots and who could vote. */
export interface TallyInput {
  roundId: string;
  /** In the round's candidate order; removed candidates are skipped. */
  candidates: Candidate[];
  /** Ballots on cards that are not live candidates, and zero-dot ballots, are ignored. */
  ballots: TallyBallot[];
  /** Contributors and facilitators of each group who have not been removed. */
  eligible: Record<Group, number>;
  /** Whole percentage points of share gap that flag a card (default 15), so the test is exact. */
  divergencePoints?: number;
}

/** One plain sentence per basis, shown beside the ranking. */
export const BASIS_NOTES: Record<RankingBasis, string> = {
  both: 'Both groups have voted, and each group counts for half of this ranking, whatever its size.',
  'people-only':
    'Only people with lived experience voted, so this ranking shows their votes alone.',
  'system-only': 'Only staff voted, so this ranking shows staff votes alone.',
  none: 'Nobody has voted yet.',
};

interface Row {
  candidate: Candidate;
  index: number;
  dots: Record<Group, number>;
}

/** Count every live candidate's dots per group, and who voted. */
function count(input: TallyInput): { rows: Row[]; voters: Record<Group, Set<string>> } {
  const rows = input.candidates
    .filter((c) => c.removedAt === null)
    .map((candidate, index) => ({ candidate, index, dots: { people: 0, system: 0 } }));
  const byId = new Map(rows.map((r) => [r.candidate.cardId, r]));
  const voters: Record<Group, Set<string>> = { people: new Set(), system: new Set() };
  for (const b of input.ballots) {
    const row = byId.get(b.cardId);
    if (!row || b.dots <= 0) continue;
    row.dots[b.group] += b.dots;
    voters[b.group].add(b.participantId);
  }
  return { rows, voters };
}

function basisOf(p: number, s: number): RankingBasis {
  if (p > 0 && s > 0) return 'both';
  if (p > 0) return 'people-only';
  if (s > 0) return 'system-only';
  return 'none';
}

/**
 * The balanced score scaled to an exact integer that orders cards the same way:
 * with both groups, ½(a/P + b/S) = (a·S + b·P) / 2PS, so compare a·S + b·P.
 */
function exactKey(dots: Record<Group, number>, p: number, s: number, basis: RankingBasis): bigint {
  if (basis === 'both') return BigInt(dots.people) * BigInt(s) + BigInt(dots.system) * BigInt(p);
  if (basis === 'people-only') return BigInt(dots.people);
  if (basis === 'system-only') return BigInt(dots.system);
  return 0n;
}

function balancedScore(key: bigint, p: number, s: number, basis: RankingBasis): number {
  if (basis === 'both') return Number(key) / (2 * p * s);
  if (basis === 'people-only') return Number(key) / p;
  if (basis === 'system-only') return Number(key) / s;
  return 0;
}

/** |a/P − b/S| ≥ points/100, decided as 100·|a·S − b·P| ≥ points·P·S. */
function isDivergent(dots: Record<Group, number>, p: number, s: number, points: number): boolean {
  if (p === 0 || s === 0) return false;
  const diff = BigInt(dots.people) * BigInt(s) - BigInt(dots.system) * BigInt(p);
  const abs = diff < 0n ? -diff : diff;
  return 100n * abs >= BigInt(points) * BigInt(p) * BigInt(s);
}

/** Compute a round's results: totals, shares per group, balanced ranking, turnout. */
export function tally(input: TallyInput): RoundResults {
  const { rows, voters } = count(input);
  const points = input.divergencePoints ?? DEFAULT_DIVERGENCE_POINTS;
  const p = rows.reduce((n, r) => n + r.dots.people, 0);
  const s = rows.reduce((n, r) => n + r.dots.system, 0);
  const basis = basisOf(p, s);
  const scored = rows.map((r) => ({ ...r, key: exactKey(r.dots, p, s, basis) }));
  // Stable sort: equal scores keep the round's candidate order.
  scored.sort((x, y) => (x.key === y.key ? x.index - y.index : x.key > y.key ? -1 : 1));
  // Sorted by key, so equal keys sit together: a card's rank is 1 + the place of the first
  // card with its key, and it is tied when that run is longer than one. One pass, not a
  // scan of every card per card (a 500-candidate round took ~7 ms, blocking the room).
  const runStart: number[] = [];
  for (const [i, r] of scored.entries())
    runStart.push(i > 0 && scored[i - 1]?.key === r.key ? (runStart[i - 1] ?? i) : i);
  const cards: CardResult[] = scored.map((r, i) => ({
    cardId: r.candidate.cardId,
    text: r.candidate.text,
    total: r.dots.people + r.dots.system,
    dots: { ...r.dots },
    shares: { people: p > 0 ? r.dots.people / p : 0, system: s > 0 ? r.dots.system / s : 0 },
    balancedScore: balancedScore(r.key, p, s, basis),
    divergent: isDivergent(r.dots, p, s, points),
    rank: 1 + (runStart[i] ?? i),
    tied: runStart[i] !== i || scored[i + 1]?.key === r.key,
  }));
  const turnout = Object.fromEntries(
    GROUPS.map((g) => [g, { voted: voters[g].size, eligible: input.eligible[g] }]),
  ) as Record<Group, Turnout>;
  return {
    roundId: input.roundId,
    cards,
    totals: { people: p, system: s, all: p + s },
    turnout,
    basis,
    basisNote: BASIS_NOTES[basis],
    divergencePoints: points,
  };
}
