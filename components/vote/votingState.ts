/**
 * The voting state one workshop connection holds (issue 4): rounds, your own dots, results
 * and turnout, as the server last sent them. Pure functions, so `useWorkshop` stays small.
 */
import type { Group } from '../../lib/roles';
import type { Ballot, RoundResults, RoundView, Turnout } from '../../lib/voting/types';

/** Your own dots in one round. */
export interface MyBallots {
  ballots: Ballot[];
  dotsLeft: number;
}

/** A plain message from the server about a round, with a number so a repeat is still new. */
export interface RoundNotice {
  roundId: string;
  message: string;
  seq: number;
}

/** Everything the server has told this connection about voting. */
export interface VotingState {
  /** Every round, newest first; null until the server has sent the list. */
  rounds: RoundView[] | null;
  mine: ReadonlyMap<string, MyBallots>;
  results: ReadonlyMap<string, RoundResults>;
  /** Facilitators only, while results are hidden. */
  turnout: ReadonlyMap<string, Record<Group, Turnout>>;
  notice: RoundNotice | null;
}

/** Nothing known yet. */
export const EMPTY_VOTING: VotingState = {
  rounds: null,
  mine: new Map(),
  results: new Map(),
  turnout: new Map(),
  notice: null,
};

function withEntry<V>(map: ReadonlyMap<string, V>, key: string, value: V): Map<string, V> {
  const next = new Map(map);
  next.set(key, value);
  return next;
}

/** Store your dots in a round (from `ballot:mine`). */
export function withMine(s: VotingState, roundId: string, mine: MyBallots): VotingState {
  return { ...s, mine: withEntry(s.mine, roundId, mine) };
}

/** Record what a cast's acknowledgement says: your dots on one card, and the dots you have left. */
export function withCast(
  s: VotingState,
  roundId: string,
  cardId: string,
  dotsOnCard: number,
  dotsLeft: number,
): VotingState {
  const old = s.mine.get(roundId)?.ballots ?? [];
  const ballots = old.filter((b) => b.cardId !== cardId);
  if (dotsOnCard > 0) ballots.push({ cardId, dots: dotsOnCard });
  return withMine(s, roundId, { ballots, dotsLeft });
}

/** Store a round's results. */
export function withResults(s: VotingState, results: RoundResults): VotingState {
  return { ...s, results: withEntry(s.results, results.roundId, results) };
}

/** Store a round's turnout (facilitators). */
export function withTurnout(
  s: VotingState,
  roundId: string,
  turnout: Record<Group, Turnout>,
): VotingState {
  return { ...s, turnout: withEntry(s.turnout, roundId, turnout) };
}

/** Store a notice for the person. */
export function withNotice(s: VotingState, roundId: string, message: string): VotingState {
  return { ...s, notice: { roundId, message, seq: (s.notice?.seq ?? 0) + 1 } };
}

/** Your dots on one card in a round (0 when none). */
export function dotsOn(mine: MyBallots | undefined, cardId: string): number {
  return mine?.ballots.find((b) => b.cardId === cardId)?.dots ?? 0;
}

/** The round to show: the newest open one, else the newest one, else null. */
export function currentRound(rounds: readonly RoundView[] | null): RoundView | null {
  if (!rounds || rounds.length === 0) return null;
  return rounds.find((r) => r.status === 'open') ?? rounds[0] ?? null;
}

/**
 * Whether results may be shown for a round: always once it is closed; while it is open
 * only when it shows results live. A hidden round that was closed and then reopened keeps
 * its earlier results out of sight, so nobody anchors on them.
 */
export function resultsVisible(round: Pick<RoundView, 'status' | 'resultsVisibility'>): boolean {
  return round.status === 'closed' || round.resultsVisibility === 'live';
}
