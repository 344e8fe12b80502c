/** Invite links as a facilitator sees them: the one place a join URL is built. */
import type { InviteView } from '../../lib/protocol/events';
import type { Store } from '../store/Store';

/** A workshop's invite links under `base` (PUBLIC_URL or the request's origin). */
export async function inviteViews(
  store: Store,
  workshopId: string,
  base: string,
): Promise<InviteView[]> {
  return (await store.listInvites(workshopId)).map((r) => ({
    id: r.id,
    kind: r.kind,
    url: `${base}/join/${r.token}`,
    revoked: r.revokedAt !== null,
    joined: r.joined,
  }));
}
