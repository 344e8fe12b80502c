/**
 * How a participant is named to others. Anonymous people, and anyone in a group of fewer
 * than three, appear only by group (DESIGN §2).
 */
import { GROUP_LABEL, type Group } from './roles';

/** Smallest group in which individual authorship may be shown. */
export const MIN_GROUP_FOR_ATTRIBUTION = 3;

/** "a participant (Lived experience)" style label for someone who must stay unidentified. */
export function anonymousLabel(group: Group | null): string {
  return group ? `A participant (${GROUP_LABEL[group]})` : 'An observer';
}
