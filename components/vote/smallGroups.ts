/**
 * Which groups have fewer than three voters, so the vote page can warn BEFORE anyone votes
 * that per-group results may show how each of them voted. The best number wins: turnout's
 * `eligible` (in results, or the facilitator's turnout), else who is here now (presence).
 */
import { MIN_GROUP_FOR_ATTRIBUTION } from '../../lib/participantLabel';
import type { PresenceEntry } from '../../lib/protocol/events';
import { GROUPS, type Group } from '../../lib/roles';
import type { Turnout } from '../../lib/voting/types';

/** A group with too few voters, how many, and where that number came from. */
export interface SmallGroup {
  group: Group;
  count: number;
  /** `eligible`: everyone who may vote; `present`: only people here now. */
  basis: 'eligible' | 'present';
}

/** Groups with at least one but fewer than three voters. */
export function smallGroups(
  turnout: Record<Group, Turnout> | undefined,
  presence: readonly PresenceEntry[],
): SmallGroup[] {
  const out: SmallGroup[] = [];
  for (const group of GROUPS) {
    const count = turnout
      ? turnout[group].eligible
      : presence.filter((p) => p.group === group && p.capability !== 'observer').length;
    if (count > 0 && count < MIN_GROUP_FOR_ATTRIBUTION)
      out.push({ group, count, basis: turnout ? 'eligible' : 'present' });
  }
  return out;
}
