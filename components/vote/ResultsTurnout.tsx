/** How many people in each group voted, out of how many could. */
import { GROUPS, type Group } from '../../lib/roles';
import type { Turnout } from '../../lib/voting/types';
import { GroupBadge } from '../ui/GroupBadge';

/** "Lived experience: 3 of 4 people voted." for each group. */
export function ResultsTurnout({ turnout }: { turnout: Record<Group, Turnout> }) {
  return (
    <ul className="space-y-1" data-testid="turnout">
      {GROUPS.map((group) => (
        <li key={group} className="flex flex-wrap items-center gap-2">
          <GroupBadge group={group} />
          <span>
            {turnout[group].voted} of {turnout[group].eligible}{' '}
            {turnout[group].eligible === 1 ? 'person' : 'people'} voted.
          </span>
        </li>
      ))}
    </ul>
  );
}
