/**
 * Which groups have fewer than three voters, so the vote page can warn BEFORE anyone votes
 * that per-group results may show how each of them voted. The round's `eligible` counts
 * come from the server with every round; presence is the fallback for older data.
 */
import { MIN_GROUP_FOR_ATTRIBUTION } from '../../lib/participantLabel';
import type { PresenceEntry } from '../../lib/protocol/events';
import { GROUPS, type Group } from '../../lib/roles';

/** A group with too few voters, how many, and where that number came from. */
export interface SmallGroup {
  group: Group;
  count: number;
  /** `eligible`: everyone who may vote; `present`: only people here now. */
  basis: 'eligible' | 'present';
}

/** Groups with at least one but fewer than three voters. */
export function smallGroups(
  eligible: Record<Group, number> | undefined,
  presence: readonly PresenceEntry[],
): SmallGroup[] {
  const out: SmallGroup[] = [];
  for (const group of GROUPS) {
    const count = eligible
      ? eligible[group]
      : presence.filter((p) => p.group === group && p.capability !== 'observer').length;
    if (count > 0 && count < MIN_GROUP_FOR_ATTRIBUTION)
      out.push({ group, count, basis: eligible ? 'eligible' : 'present' });
  }
  return out;
}
