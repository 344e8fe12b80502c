/**
 * The Balance section (issue 10 §7): characters and cards by group per section, and each
 * round's turnout per group. Figures come from the same attribution counts as card colour.
 */
import { SECTION_INFO, SECTIONS } from '../board/sections';
import type { SummaryInput } from './input';
import type { RoundTurnout, SectionBalance, SummaryCard } from './schema';

/** Characters and cards per group, section by section. */
export function sectionBalance(
  input: SummaryInput,
  cards: Map<string, SummaryCard>,
): SectionBalance[] {
  return SECTIONS.map((section) => {
    const row: SectionBalance = {
      section,
      title: SECTION_INFO[section].title,
      chars: { people: 0, system: 0 },
      cards: { people: 0, system: 0, joint: 0 },
    };
    for (const c of input.cards) {
      if (c.section !== section) continue;
      row.chars.people += c.counts.people;
      row.chars.system += c.counts.system;
      const colour = cards.get(c.id)?.colour;
      if (colour) row.cards[colour] += 1;
    }
    return row;
  });
}

/**
 * Turnout of every round per group. Rounds whose results are hidden are reported to
 * facilitators by turnout only, and left out for everyone else (invariant I17).
 */
export function roundTurnout(input: SummaryInput): RoundTurnout[] {
  const facilitator = input.viewer.capability === 'facilitator';
  return input.rounds
    .map((r, i) => ({ r, number: i + 1 }))
    .filter(({ r }) => r.resultsVisible || facilitator)
    .map(({ r, number }) => ({
      roundId: r.id,
      number,
      section: r.section,
      openedAt: r.openedAt,
      status: r.status,
      resultsShown: r.resultsVisible,
      turnout: r.results.turnout,
      basisNote: r.resultsVisible
        ? r.results.basisNote
        : 'Results are hidden until the round closes.',
    }));
}
