/**
 * Cards waiting in private drafts, in plain words (issue 11): counts per group only,
 * never who wrote them or what they say.
 */
import type { WaitingCounts } from '../../lib/protocol/privateWritingEvents';

const cards = (n: number) => `${n} card${n === 1 ? '' : 's'}`;

/** "3 cards waiting from people with lived experience, 1 from staff." */
export function waitingWords(counts: WaitingCounts | null): string {
  const people = counts?.people ?? 0;
  const system = counts?.system ?? 0;
  if (people === 0 && system === 0) return 'No private cards waiting yet.';
  if (system === 0) return `${cards(people)} waiting from people with lived experience.`;
  if (people === 0) return `${cards(system)} waiting from staff.`;
  return `${cards(people)} waiting from people with lived experience, ${system} from staff.`;
}
