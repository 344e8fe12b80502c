'use client';
/**
 * What the agenda's current step closes in a section (issue 11). Facilitators are never
 * limited, but are told what the step closes for everyone else. The server refuses the
 * same writes (I52); this only keeps the buttons honest.
 */
import type { Section } from '../../lib/board/sections';
import { useFacilitationContext } from './FacilitationContext';

/** What the step closes in `section`: for you (`adding`, `editing`), and for others. */
export interface StepClosed {
  adding: boolean;
  editing: boolean;
  /** True when the step closes adding here for participants (facilitators see a note). */
  othersAdding: boolean;
}

/** Whether adding cards to, and changing cards in, `section` is closed in this step. */
export function useStepClosed(section: Section): StepClosed {
  const f = useFacilitationContext();
  const adding = Boolean(f.step && !f.step.adding.includes(section));
  const editing = Boolean(f.step && !f.step.editing.includes(section));
  if (f.bypass) return { adding: false, editing: false, othersAdding: adding };
  return { adding, editing, othersAdding: adding };
}
