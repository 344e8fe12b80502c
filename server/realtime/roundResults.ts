/**
 * A round's results from the store (issues 4 and 13): the one `tally()` over its
 * candidates and the ballots of voters who have not been removed, with the round's own
 * divergence threshold, and, once it has closed, the turnout fixed then [I36].
 */
import { can, GROUPS, type Group } from '../../lib/roles';
import { tally } from '../../lib/voting/tally';
import type { Candidate, RoundResults, TallyBallot } from '../../lib/voting/types';
import type { CandidateRow, ParticipantRow, RoundRow, Store } from '../store/Store';

/** Tally a round from the store. Ballots of removed participants no longer count. */
export async function roundResults(store: Store, round: RoundRow): Promise<RoundResults> {
  const [candidates, ballots, people] = await Promise.all([
    store.listCandidates(round.id),
    store.listBallots(round.id),
    store.listParticipants(round.workshopId),
  ]);
  const byId = new Map(people.map((x) => [x.id, x]));
  const rows: TallyBallot[] = [];
  for (const b of ballots) {
    const voter = byId.get(b.participantId);
    if (!voter?.group || voter.removedAt) continue;
    rows.push({
      participantId: b.participantId,
      group: voter.group,
      cardId: b.cardId,
      dots: b.dots,
    });
  }
  const results = tally({
    roundId: round.id,
    candidates: candidates.map(toCandidate),
    ballots: rows,
    eligible: eligibleCounts(people),
    divergencePoints: round.divergencePoints,
  });
  return round.frozen ? { ...results, turnout: round.frozen } : results;
}

/** How many people in each group may vote: not removed, with a group, allowed to cast. */
export function eligibleCounts(people: readonly ParticipantRow[]): Record<Group, number> {
  const eligible = Object.fromEntries(GROUPS.map((g) => [g, 0])) as Record<Group, number>;
  for (const x of people) {
    if (x.group && !x.removedAt && can(x.capability, 'ballot:cast')) eligible[x.group]++;
  }
  return eligible;
}

/** A stored candidate as everyone may see it. */
export function toCandidate(c: CandidateRow): Candidate {
  return { cardId: c.cardId, text: c.text, removedAt: c.removedAt, addedAt: c.addedAt };
}
