/** An indicator's adoption in words (issue 9): adoption is one endorsement from each group. */
import type { Group } from '../../lib/roles';

/** "Adopted by both groups", "Waiting for staff", "Waiting for people with lived experience"… */
export function adoptionWords(agreedBy: ReadonlySet<Group>): string {
  const people = agreedBy.has('people');
  const system = agreedBy.has('system');
  if (people && system) return 'Adopted by both groups';
  if (people) return 'Waiting for staff';
  if (system) return 'Waiting for people with lived experience';
  return 'Not adopted yet';
}
