'use client';
/**
 * "Look at this" (issue 11): when a facilitator brings everyone to a section or a card, a
 * banner says where, and people who chose to follow are taken there (focus moves to it).
 * Following is each person's choice, remembered on this device.
 */
import { useEffect, useRef } from 'react';
import { isSection, SECTION_INFO } from '../../lib/board/sections';
import type { FacilitationView } from '../../lib/protocol/facilitationEvents';
import { sectionToggleId } from '../board/BoardSection';
import { Button } from '../ui/Button';
import { useDeviceChoice } from './useDeviceChoice';

const FOLLOW_KEY = 'purple.followFacilitator';

/** The element a focus points at, to scroll to and focus. */
function targetOf(focus: NonNullable<FacilitationView['focus']>): HTMLElement | null {
  if (focus.kind === 'section' && isSection(focus.id))
    return document.getElementById(sectionToggleId(focus.id));
  return document.querySelector<HTMLElement>(
    `[data-card-id="${CSS.escape(focus.id)}"] textarea, [data-card-id="${CSS.escape(focus.id)}"] [data-focus="actions"]`,
  );
}

/** Where the facilitator asks everyone to look, with the choice to follow. */
export function FocusBanner({
  view,
  announce,
}: {
  view: FacilitationView | null;
  announce(m: string): void;
}) {
  const focus = view?.focus ?? null;
  const [follow, toggle] = useDeviceChoice(FOLLOW_KEY, true);
  const seen = useRef<string | null>(null);
  const where = focus
    ? focus.kind === 'section' && isSection(focus.id)
      ? `the ${SECTION_INFO[focus.id].title} section`
      : 'one card'
    : null;
  useEffect(() => {
    if (!view) return;
    // What was in focus when the page arrived is not being brought somewhere.
    if (seen.current === null) seen.current = focus?.at ?? '';
    if (!focus || seen.current === focus.at) return;
    seen.current = focus.at;
    announce(`The facilitator asks everyone to look at ${where}.`);
    if (follow) {
      const el = targetOf(focus);
      el?.scrollIntoView({ block: 'center' });
      el?.focus({ preventScroll: true });
    }
  });
  if (!focus) return null;
  return (
    <section
      aria-label="Where to look"
      className="flex flex-wrap items-center gap-2 rounded-lg border-2 border-joint-edge p-2"
      data-testid="focus-banner"
    >
      <p className="font-semibold">The facilitator asks everyone to look at {where}.</p>
      <Button small variant="secondary" onClick={() => targetOf(focus)?.focus()}>
        Go there
      </Button>
      <label className="flex min-h-11 items-center gap-2">
        <input
          type="checkbox"
          checked={follow}
          onChange={toggle}
          className="size-6 accent-joint-edge"
        />
        Follow the facilitator (take me there)
      </label>
    </section>
  );
}
