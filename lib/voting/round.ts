/**
 * Rules about a round's state shared by server and UI (issue 4): a round is closed when
 * the facilitator closed it or its deadline has passed; a new deadline must be in the future.
 */
import type { Ballot } from './types';

/** 'closed' once closedAt is set or the deadline is not after `now`. */
export function roundStatus(
  round: { closedAt: string | null; deadline: string | null },
  now: number,
): 'open' | 'closed' {
  if (round.closedAt !== null) return 'closed';
  if (round.deadline !== null && Date.parse(round.deadline) <= now) return 'closed';
  return 'open';
}

/** True when `deadline` is a date-time later than `now`. */
export function isFuture(deadline: string, now: number): boolean {
  const t = Date.parse(deadline);
  return Number.isFinite(t) && t > now;
}

/** Dots a participant has not yet placed. */
export function dotsLeft(budget: number, ballots: readonly Ballot[]): number {
  return budget - ballots.reduce((n, b) => n + b.dots, 0);
}
