import type { InviteInfo } from '../../server/facade';
import { GroupBadge } from '../ui/GroupBadge';

/** Says in words which group an invite link is for, with the group's badge (observers have none). */
export function JoiningAs({ kind }: { kind: InviteInfo['kind'] }) {
  if (kind === 'observer') {
    return (
      <p className="mb-4 text-lg">
        You are joining as <strong>an observer</strong> — you can read the board but not change it.
      </p>
    );
  }
  return (
    <p className="mb-4 flex flex-wrap items-center gap-2 text-lg">
      <span>
        You are joining as{' '}
        <strong>{kind === 'people' ? 'someone with lived experience' : 'staff'}</strong>.
      </span>
      <GroupBadge group={kind} />
    </p>
  );
}
