/**
 * How card history names who made a version (issue 13). Every name in a history goes
 * through this one function, so switching it to the visibility policy is one line.
 */
import { anonymousLabel, MIN_GROUP_FOR_ATTRIBUTION } from '../participantLabel';
import { GROUP_LABEL, type Group } from '../roles';

/** The facts about an author the naming rules read. */
export interface AuthorFacts {
  id: string;
  name: string;
  anonymous: boolean;
  group: Group | null;
}

/**
 * "You", "Alex (Staff)", or a group-only label when the author is anonymous or their group
 * has fewer than three people (invariant I12); "The server" for its own writes.
 */
export function historyAuthor(
  author: AuthorFacts | undefined,
  viewerId: string,
  groupSize: (g: Group) => number,
): string {
  if (!author) return 'Someone';
  if (author.id === viewerId) return 'You';
  if (!author.group) return author.anonymous ? 'Someone' : author.name;
  if (author.anonymous || groupSize(author.group) < MIN_GROUP_FOR_ATTRIBUTION)
    return anonymousLabel(author.group);
  return `${author.name} (${GROUP_LABEL[author.group]})`;
}
