/**
 * Plain-English words for voting (reading age about 9): dots left, dates, ranks, shares.
 * Pure functions, shared by the vote page, the board banner and the facilitator panel.
 */
import { SECTION_INFO } from '../../lib/board/sections';
import type { Group } from '../../lib/roles';
import type { CardResult, RoundView, VotableSection } from '../../lib/voting/types';

/** "1 dot" or "3 dots". */
export function dotsWord(n: number): string {
  return `${n} ${n === 1 ? 'dot' : 'dots'}`;
}

/** "You have 3 of 5 dots left." */
export function dotsLeftSentence(left: number, budget: number): string {
  if (left === 0) return `You have used all ${dotsWord(budget)}.`;
  return `You have ${left} of ${dotsWord(budget)} left.`;
}

/** Groups as they read inside a sentence. */
export const GROUP_IN_WORDS: Record<Group, string> = {
  people: 'people with lived experience',
  system: 'staff',
};

/** One person of a group, e.g. "person with lived experience". */
const GROUP_ONE_IN_WORDS: Record<Group, string> = {
  people: 'person with lived experience',
  system: 'member of staff',
};

/**
 * Why a small group's votes may not be private: "Only two people with lived experience can
 * vote." (not "Only two of the people…", which reads as if others were kept out).
 */
export function smallGroupSentence({
  group,
  count,
  basis,
}: {
  group: Group;
  count: number;
  basis: 'eligible' | 'present';
}): string {
  const who = count === 1 ? `one ${GROUP_ONE_IN_WORDS[group]}` : `two ${GROUP_IN_WORDS[group]}`;
  return basis === 'eligible'
    ? `Only ${who} can vote.`
    : `Only ${who} ${count === 1 ? 'is' : 'are'} here now.`;
}

/** The section's title, e.g. "Joint priorities". */
export function sectionTitle(section: VotableSection): string {
  return SECTION_INFO[section].title;
}

/** The round's question, e.g. "Which joint priorities matter most to you?" */
export function roundQuestion(section: VotableSection): string {
  return `Which ${sectionTitle(section).toLowerCase()} matter most to you?`;
}

const DATE = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const TIME = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true });

/** "Friday 14 March 2031 at 5:00 pm", in the reader's own time zone. */
export function dateInWords(iso: string): string {
  const d = new Date(iso);
  const part = (type: string) => DATE.formatToParts(d).find((p) => p.type === type)?.value ?? '';
  const date = `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
  return `${date} at ${TIME.format(d).replace(/\s/g, ' ')}`;
}

/** "1st", "2nd", "3rd", "11th", "22nd"… */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** "1st" or "Tied 2nd". */
export function rankLabel(card: Pick<CardResult, 'rank' | 'tied'>): string {
  return card.tied ? `Tied ${ordinal(card.rank)}` : ordinal(card.rank);
}

/** A share (0–1) as a whole percentage, e.g. "40%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** The balanced score (0–1) out of 100, e.g. "35". */
export function score(balanced: number): string {
  return String(Math.round(balanced * 100));
}

/** The balanced score in one plain sentence, with an example. */
export const BALANCED_SENTENCE =
  'The balanced score is the average of the two groups’ shares, so each group counts the same however many people are in it. For example, if people with lived experience gave a card 30% of their dots and staff gave it 10%, its balanced score is 20.';

/** When a card is marked as seen differently, in words. */
export function divergenceRule(points: number): string {
  return `A card is marked “Seen differently” when one group gave it at least ${points} percentage points more of its dots than the other group did.`;
}

/** Why this card is marked as seen differently: each group's share, in words. */
export function divergenceSentence(card: Pick<CardResult, 'shares'>): string {
  return `Seen differently: people with lived experience gave it ${percent(card.shares.people)} of their dots, staff gave it ${percent(card.shares.system)}.`;
}

/** At most `max` characters of a card's text, cut at a space, for buttons and messages. */
export function shortText(text: string, max = 100): string {
  const clean = text.trim().replace(/\s+/g, ' ') || 'an empty card';
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** "Vote 2 on Joint priorities", numbered from the first round (1). */
export function roundName(round: Pick<RoundView, 'section'>, number: number): string {
  return `Vote ${number} on ${sectionTitle(round.section)}`;
}

/** "open" or "closed on Friday 14 March 2031 at 5:00 pm". */
export function roundState(round: Pick<RoundView, 'status' | 'closedAt' | 'deadline'>): string {
  if (round.status === 'open') return 'open now';
  const at = round.closedAt ?? round.deadline;
  return at ? `closed on ${dateInWords(at)}` : 'closed';
}
