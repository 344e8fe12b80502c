/**
 * The one visibility policy (issue 8 §6, invariants I12, I26–I27): what each viewer may
 * learn about whom. The roster, presence, the facilitators' people list, "deleted by" and
 * later results and exports all ask these functions; none decides on its own.
 *
 * Authorship is shown only when the author was identifiable when they wrote (recorded
 * with the clientID binding or the card event) AND is identifiable now: a group that grows
 * past the threshold later never reveals what was written while it was small.
 */
import { type Capability, GROUP_LABEL, type Group } from '../roles';

/** Smallest group in which individual authorship may be shown. */
export const MIN_GROUP_FOR_ATTRIBUTION = 3;

/** The facts about a person the policy needs. */
export interface PolicyPerson {
  id: string;
  group: Group | null;
  anonymous: boolean;
  name: string;
  capability: Capability;
}

/** How many (not removed) people each group has now. */
export type GroupSizes = Record<Group, number>;

/** Whether what `author` writes now may carry their identity, given the group sizes. */
export function identifiableNow(author: PolicyPerson, sizes: GroupSizes): boolean {
  return (
    !author.anonymous && author.group !== null && sizes[author.group] >= MIN_GROUP_FOR_ATTRIBUTION
  );
}

/** What a viewer may learn of who wrote something: their id and name, or neither. */
export interface Authorship {
  author?: string;
  name?: string;
}

/**
 * Authorship of one piece of writing as `viewer` may see it. `identifiableThen` is what
 * `identifiableNow` said when it was written (stored with it; false when unknown).
 * Viewers always recognise their own writing, by id only.
 */
export function authorshipFor(
  viewer: { id: string },
  author: PolicyPerson,
  identifiableThen: boolean,
  sizes: GroupSizes,
): Authorship {
  const shown = identifiableThen && identifiableNow(author, sizes);
  if (shown) return { author: author.id, name: author.name };
  return author.id === viewer.id ? { author: author.id } : {};
}

/** "A participant (Lived experience)" for someone who must stay unidentified. */
export function anonymousLabel(group: Group | null): string {
  return group ? `A participant (${GROUP_LABEL[group]})` : 'An observer';
}

/**
 * Who deleted a card, as a viewer sees it: a name only when the deleter was identifiable
 * when they deleted it and still is; otherwise their group.
 */
export function deletedByLabel(
  viewer: { id: string },
  deleter: PolicyPerson | undefined,
  identifiableThen: boolean,
  sizes: GroupSizes,
): string {
  if (!deleter) return 'Someone';
  if (deleter.id === viewer.id) return 'You';
  const a = authorshipFor(viewer, deleter, identifiableThen, sizes);
  return a.name ?? anonymousLabel(deleter.group);
}

/**
 * Who added an indicator reading (issue 9), as a viewer sees it: by the same rule as
 * "deleted by" (a name only when they were identifiable then and still are).
 */
export const addedByLabel = deletedByLabel;

/** A person's name in "here now": shown unless they chose to be anonymous (or it is you). */
export function presenceName(viewerId: string | null, person: PolicyPerson): string | undefined {
  return person.anonymous && person.id !== viewerId ? undefined : person.name;
}

/** Whether `viewer` may see the people list (names, access needs, links). */
export function seesPeopleList(viewer: { capability: Capability }): boolean {
  return viewer.capability === 'facilitator';
}

/**
 * A person's label in the facilitators' people list: their name, or, for someone
 * anonymous, "Participant 2 (lived experience)": distinct and stable (numbered by join
 * order within their group, removed people included) and revealing nothing else.
 */
export function peopleListLabel(person: PolicyPerson, ordinal: number): string {
  if (!person.anonymous) return person.name;
  const group = person.group ? GROUP_LABEL[person.group].toLowerCase() : 'observer';
  return `Participant ${ordinal} (${group})`;
}

/** Each person's ordinal within their group (observers count as one group), by join order. */
export function groupOrdinals(
  people: readonly (PolicyPerson & { createdAt: string })[],
): Map<string, number> {
  const counts = new Map<string, number>();
  const out = new Map<string, number>();
  const sorted = [...people].sort((a, b) =>
    a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt < b.createdAt ? -1 : 1,
  );
  for (const p of sorted) {
    const g = p.group ?? 'observer';
    const n = (counts.get(g) ?? 0) + 1;
    counts.set(g, n);
    out.set(p.id, n);
  }
  return out;
}

/** Count the people in each group, leaving out anyone `removed` says is gone. */
export function groupSizes(
  people: Iterable<{ group: Group | null; removedAt?: string | null }>,
): GroupSizes {
  const sizes: GroupSizes = { people: 0, system: 0 };
  for (const p of people) if (p.group && !p.removedAt) sizes[p.group]++;
  return sizes;
}

/** The label for an erased participant's name, everywhere. */
export function erasedName(group: Group | null): string {
  return group ? `a participant (${GROUP_LABEL[group].toLowerCase()})` : 'an observer';
}
