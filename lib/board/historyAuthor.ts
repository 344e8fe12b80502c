/**
 * How card history and its notices name who made a change (issue 13). Every name goes
 * through the one visibility policy (I12, I26): a name only when the author could be named
 * when they wrote and still can; otherwise their group.
 */
import { GROUP_LABEL } from '../roles';
import {
  anonymousLabel,
  authorshipFor,
  type GroupSizes,
  type PolicyPerson,
} from '../visibility/policy';

/**
 * "You", "Alex (Staff)", or a group-only label such as "A participant (Staff)";
 * "Someone" when the author is unknown. `identifiableThen` is what the policy recorded
 * when the change was written (false when unknown).
 */
export function historyAuthor(
  author: PolicyPerson | undefined,
  viewerId: string,
  identifiableThen: boolean,
  sizes: GroupSizes,
): string {
  if (!author) return 'Someone';
  if (author.id === viewerId) return 'You';
  const { name } = authorshipFor({ id: viewerId }, author, identifiableThen, sizes);
  if (!name) return anonymousLabel(author.group);
  return author.group ? `${name} (${GROUP_LABEL[author.group]})` : name;
}
