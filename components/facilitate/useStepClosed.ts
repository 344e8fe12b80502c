'use client';
/**
 * What the agenda's current step closes in a section, for you (issue 11): facilitators are
 * never limited. The server refuses the same writes (I52); this only keeps the buttons honest.
 */
import type { Section } from '../../lib/board/sections';
import { useFacilitationContext } from './FacilitationContext';

/** Whether adding cards to, and changing cards in, `section` is closed for you in this step. */
export function useStepClosed(section: Section): { adding: boolean; editing: boolean } {
  const f = useFacilitationContext();
  const step = f.bypass ? null : f.step;
  if (!step) return { adding: false, editing: false };
  return { adding: !step.adding.includes(section), editing: !step.editing.includes(section) };
}
