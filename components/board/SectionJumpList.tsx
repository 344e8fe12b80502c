'use client';
/**
 * "Go to: Context · Joint priorities · …": one link per section, first on the board, so a
 * keyboard user reaches any section's "Add a card" in a few Tabs. Following a link opens
 * the section if it was collapsed and moves focus to its heading.
 */
import { type MouseEvent, memo } from 'react';
import { SECTION_INFO, SECTIONS, type Section } from '../../lib/board/sections';
import { sectionToggleId } from './BoardSection';
import type { SectionIds } from './sectionIds';

function goTo(event: MouseEvent<HTMLAnchorElement>, section: Section) {
  const toggle = document.getElementById(sectionToggleId(section));
  if (!toggle) return;
  event.preventDefault();
  if (toggle.getAttribute('aria-expanded') === 'false') toggle.click();
  toggle.focus();
  toggle.closest('section')?.scrollIntoView({ block: 'start' });
  history.replaceState(null, '', `#section-${section}`);
}

/** The jump list, with each section's count. */
export const SectionJumpList = memo(function SectionJumpList({ ids }: { ids: SectionIds }) {
  return (
    <nav aria-label="Sections" className="leading-8">
      <span className="mr-2 font-semibold">Go to:</span>
      <ul className="inline">
        {SECTIONS.map((section, i) => (
          <li key={section} className="inline">
            {i > 0 && <span aria-hidden="true"> · </span>}
            <a
              href={`#section-${section}`}
              onClick={(event) => goTo(event, section)}
              className="font-semibold"
            >
              {SECTION_INFO[section].title}
              <span className="font-normal"> ({ids[section].length})</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
});
