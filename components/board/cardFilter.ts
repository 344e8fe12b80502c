/**
 * Which cards the board shows under a filter (by colour, agreed, drifted, mine) and a
 * search. Pure, so it is tested without a browser.
 */
import type { CardFacts } from './cardFacts';

/** What the "Show" choice can be. */
export const FILTER_KINDS = [
  'all',
  'people',
  'system',
  'joint',
  'agreed',
  'drifted',
  'mine',
] as const;
export type FilterKind = (typeof FILTER_KINDS)[number];

/** The words for each choice, as the "Show" list offers them. */
export const FILTER_LABEL: Record<FilterKind, string> = {
  all: 'All cards',
  people: 'Lived experience cards',
  system: 'Staff cards',
  joint: 'Joint cards',
  agreed: 'Agreed by both groups',
  drifted: 'Changed since agreed',
  mine: 'Cards I started',
};

/** A filter and a search together. */
export interface CardFilter {
  kind: FilterKind;
  query: string;
}

/** True when no card would be hidden. */
export function isEmptyFilter(filter: CardFilter): boolean {
  return filter.kind === 'all' && filter.query.trim() === '';
}

/**
 * True when a card shows under `filter`. An empty card always shows, so a card someone has
 * just added never vanishes while they are about to type in it.
 */
export function cardMatches(
  filter: CardFilter,
  card: { text: string; facts: CardFacts; mine: boolean },
): boolean {
  if (card.text === '') return true;
  const query = filter.query.trim().toLocaleLowerCase();
  if (query && !card.text.toLocaleLowerCase().includes(query)) return false;
  switch (filter.kind) {
    case 'all':
      return true;
    case 'people':
    case 'system':
    case 'joint':
      return card.facts.colour === filter.kind;
    case 'agreed':
      return card.facts.agreedBy.has('people') && card.facts.agreedBy.has('system');
    case 'drifted':
      return card.facts.driftedBy !== null;
    case 'mine':
      return card.mine;
  }
}
