/** A warning, shown before anyone votes, that a small group's votes may not stay private. */

import type { SmallGroup } from './smallGroups';
import { smallGroupSentence } from './voteText';

/** Nothing when every group has three or more voters. */
export function SmallGroupWarning({ groups }: { groups: readonly SmallGroup[] }) {
  if (groups.length === 0) return null;
  return (
    <section
      aria-labelledby="small-group-heading"
      className="rounded-lg border-4 border-danger p-4 dark:border-danger-on-dark"
      data-testid="small-group-warning"
    >
      <h2 id="small-group-heading" className="font-bold text-lg">
        Your vote may not be private
      </h2>
      {groups.map((g) => (
        <p key={g.group}>{smallGroupSentence(g)}</p>
      ))}
      <p>
        The results show how each group voted. When a group has fewer than three people, others may
        be able to work out how each of them voted.
      </p>
    </section>
  );
}
