/** What the vote page shows when the visitor may not vote here (no session, link turned off). */
import type { Reason } from '../../lib/protocol/reasons';
import { LinkProblem } from '../ui/LinkProblem';

const TITLE: Partial<Record<Reason, string>> = {
  unauthenticated: 'You need an invite link to vote',
  revoked: 'Your link no longer works',
  forbidden: 'You cannot vote here',
};

/** A clear page with the reason in words and a way home. */
export function VoteAccessProblem({ reason, message }: { reason: Reason; message: string }) {
  return <LinkProblem title={TITLE[reason] ?? 'We could not open this vote'} message={message} />;
}
