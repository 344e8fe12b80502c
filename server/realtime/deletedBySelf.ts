/**
 * Whether a person may restore a card because they deleted it themselves (issue 13): the
 * card's latest delete was theirs and their capability allows restoring their own.
 */
import { can } from '../../lib/roles';
import type { ParticipantRow, Store } from '../store/Store';

/** True when `p` made the card's most recent deletion and may restore their own. */
export async function deletedBySelf(
  store: Store,
  p: ParticipantRow,
  cardId: string,
): Promise<boolean> {
  if (!can(p.capability, 'card:restore-own') || p.removedAt) return false;
  const events = await store.listCardEvents(p.workshopId);
  const last = events.filter((e) => e.cardId === cardId && e.action === 'delete').at(-1);
  return last?.participantId === p.id;
}
