/** What the board page shows when the visitor may not see the board. */
import type { Reason } from '../../lib/protocol/reasons';
import { LinkProblem } from '../ui/LinkProblem';

const TITLE: Partial<Record<Reason, string>> = {
  unauthenticated: 'You need an invite link to see this board',
  revoked: 'Your link no longer works',
  forbidden: 'You cannot see this board',
};

/** A clear page with the reason in words and a way home. */
export function BoardAccessProblem({ reason, message }: { reason: Reason; message: string }) {
  return <LinkProblem title={TITLE[reason] ?? 'We could not open this board'} message={message} />;
}
