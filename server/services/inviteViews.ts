/** Invite links as a facilitator sees them: the one place a join URL is built. */
import type { InviteView } from '../../lib/protocol/events';
import type { Store } from '../store/Store';
import type { LinkTokens } from './linkTokens';

/** A workshop's invite links under `base` (PUBLIC_URL or the request's origin). */
export async function inviteViews(
  store: Store,
  tokens: LinkTokens,
  workshopId: string,
  base: string,
): Promise<InviteView[]> {
  return (await store.listInvites(workshopId)).map((r) => {
    const token = tokens.invite(r.id, r.tokenGen);
    return {
      id: r.id,
      kind: r.kind,
      url: token ? `${base}/join/${token}` : null,
      revoked: r.revokedAt !== null,
      joined: r.joined,
      maxJoins: r.maxJoins ?? null,
      createdAt: r.createdAt,
    };
  });
}
