/**
 * Who took part, as the summary may say it (issue 10 §1): headcounts per group, the
 * facilitators' roles, and names only of people the one visibility policy lets anyone
 * identify (not anonymous, in a group of at least three). The same for every viewer, since
 * a summary is a document that travels: a name hidden from anyone is hidden from all.
 */
import { GROUP_LABEL } from '../roles';
import { groupSizes, identifiableNow, MIN_GROUP_FOR_ATTRIBUTION } from '../visibility/policy';
import type { SummaryInput, SummaryPerson } from './input';
import type { SummaryModel } from './schema';

type TakingPart = SummaryModel['takingPart'];

/** The name the summary may print for a person, or undefined (the one naming decision). */
export function summaryName(person: SummaryPerson, people: SummaryPerson[]): string | undefined {
  return identifiableNow(person, groupSizes(people)) ? person.name : undefined;
}

/** Headcounts and visible names. */
export function takingPart(input: SummaryInput): TakingPart {
  const present = input.people.filter((p) => !p.removedAt);
  const contributors = new Set(input.activity.contributors);
  const groups = (['people', 'system', 'observer'] as const).map((g) => {
    const members = present.filter((p) => (p.group ?? 'observer') === g);
    return {
      group: g,
      joined: members.length,
      contributed: members.filter((p) => contributors.has(p.id)).length,
      small: g !== 'observer' && members.length > 0 && members.length < MIN_GROUP_FOR_ATTRIBUTION,
    };
  });
  const names: TakingPart['names'] = [];
  for (const p of present) {
    const name = summaryName(p, input.people);
    if (name && p.group) names.push({ name, group: p.group });
  }
  names.sort((a, b) => a.name.localeCompare(b.name));
  return { groups, names };
}

/** The facilitators, each by name where allowed, otherwise by role and group. */
export function facilitators(input: SummaryInput): SummaryModel['facilitators'] {
  return input.people
    .filter((p) => p.capability === 'facilitator' && !p.removedAt)
    .map((p) => ({
      label:
        summaryName(p, input.people) ??
        (p.group ? `A facilitator (${GROUP_LABEL[p.group]})` : 'A facilitator'),
      group: p.group,
    }));
}
