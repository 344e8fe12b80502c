import type { Section } from '../../lib/board/sections';

/** The id of a section's "Add a card" button, where focus goes when its last card is deleted. */
export function addButtonId(section: Section): string {
  return `add-card-${section}`;
}
