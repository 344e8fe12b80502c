/** The four sections of a board, in the order they appear (DESIGN §1). */
export const SECTIONS = ['context', 'priorities', 'decisions', 'indicators'] as const;
export type Section = (typeof SECTIONS)[number];

/** Headings and one-line prompts shown for each section. */
export const SECTION_INFO: Record<Section, { title: string; prompt: string }> = {
  context: {
    title: 'Context',
    prompt:
      'What the organisation brings: the challenges, the money and time there is, what can change and what cannot, and any rules that apply. Anyone can add a question here.',
  },
  priorities: {
    title: 'Joint priorities',
    prompt: 'What should we work on first? Add the things that matter most.',
  },
  decisions: {
    title: 'Decisions',
    prompt: 'What has been decided, who decided it, and why.',
  },
  indicators: {
    title: 'Quality indicators',
    prompt: 'How will we know the service is good? What should we measure?',
  },
};

/** True when `value` names a section. */
export function isSection(value: unknown): value is Section {
  return typeof value === 'string' && (SECTIONS as readonly string[]).includes(value);
}
