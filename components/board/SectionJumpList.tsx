'use client';
/**
 * "Go to: Context · Joint priorities · …": one link per section, first on the board, so a
 * keyboard user reaches any section's "Add a card" in a few Tabs. Following a link opens
 * the section if it was collapsed and moves focus to its heading.
 */
import type { MouseEvent } from 'react';
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
export function SectionJumpList({ ids }: { ids: SectionIds }) {
  return (
    <nav aria-label="Sections" className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
      <span className="font-semibold">Go to:</span>
      <ul className="flex flex-wrap gap-x-1 gap-y-1">
        {SECTIONS.map((section, i) => (
          <li key={section} className="flex items-baseline gap-1">
            {i > 0 && <span aria-hidden="true">·</span>}
            <a
              href={`#section-${section}`}
              onClick={(event) => goTo(event, section)}
              className="inline-block min-h-6 py-0.5 font-semibold"
            >
              {SECTION_INFO[section].title}
              <span className="font-normal"> ({ids[section].length})</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
