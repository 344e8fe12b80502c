import type { Section } from '../../lib/board/sections';

/** The id of a section's "Add a card" button, where focus goes when its last card is deleted. */
export function addButtonId(section: Section): string {
  return `add-card-${section}`;
}

/** The id of a section's heading toggle, where "Go to" links move focus. */
export function sectionToggleId(section: Section): string {
  return `section-toggle-${section}`;
}

/** Open a section if it is folded away (as following its "Go to" link does). */
export function openSection(section: Section): void {
  const toggle = document.getElementById(sectionToggleId(section));
  if (toggle?.getAttribute('aria-expanded') === 'false') toggle.click();
}
