/**
 * A round's results for the summary, tallied from the store by the one pure `tally()`
 * exactly as the voting channel does (ballots of removed people no longer count).
 */
import { can } from '../../lib/roles';
import { tally } from '../../lib/voting/tally';
import type { RoundResults, TallyBallot } from '../../lib/voting/types';
import type { ParticipantRow, RoundRow, Store } from '../store/Store';

/** Tally `round` from the stored candidates and ballots. */
export async function roundResults(
  store: Store,
  round: RoundRow,
  people: ParticipantRow[],
): Promise<RoundResults> {
  const [candidates, ballots] = await Promise.all([
    store.listCandidates(round.id),
    store.listBallots(round.id),
  ]);
  const byId = new Map(people.map((x) => [x.id, x]));
  const rows: TallyBallot[] = [];
  for (const b of ballots) {
    const voter = byId.get(b.participantId);
    if (voter?.group && !voter.removedAt)
      rows.push({
        participantId: b.participantId,
        group: voter.group,
        cardId: b.cardId,
        dots: b.dots,
      });
  }
  const eligible = { people: 0, system: 0 };
  for (const p of people)
    if (p.group && !p.removedAt && can(p.capability, 'ballot:cast')) eligible[p.group]++;
  return tally({
    roundId: round.id,
    candidates: candidates.map((c) => ({ cardId: c.cardId, text: c.text, removedAt: c.removedAt })),
    ballots: rows,
    eligible,
  });
}
