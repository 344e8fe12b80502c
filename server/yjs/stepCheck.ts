/**
 * The agenda's step in the update inspection (issue 11, invariant I52): while a step is
 * current, a new card may only be made in a section open for adding, and a card's text,
 * order or section may only change in a section open for editing (moving a card needs
 * both the section it leaves and the one it enters open). Facilitators are not limited;
 * the room leaves this out of their inspection, as it does locks.
 */
import * as Y from 'yjs';
import { CARD_KEYS, readCard } from '../../lib/board/doc';
import { SECTION_INFO, type Section } from '../../lib/board/sections';
import type { AgendaStep } from '../../lib/facilitation/agenda';
import type { Written } from './inspection';
import type { Placement } from './placement';

/** What the current step opens, as sets for the inspection. */
export interface StepSet {
  title: string;
  adding: ReadonlySet<string>;
  editing: ReadonlySet<string>;
}

/** The step set for rules from the agenda (null: not running, nothing closed). */
export function stepSet(rules: AgendaStep | null): StepSet | undefined {
  if (!rules) return undefined;
  return { title: rules.title, adding: new Set(rules.adding), editing: new Set(rules.editing) };
}

const title = (section: string) => SECTION_INFO[section as Section]?.title ?? section;

/** The first thing this update writes that the current step keeps closed, or null. */
export function stepProblem(
  doc: Y.Doc,
  step: StepSet,
  items: readonly Y.Item[],
  placement: Placement,
  written: Written,
): string | null {
  const created = new Set(written.out.createdCards);
  const touched = new Set(written.out.attributions.keys());
  for (const field of written.fields.keys()) touched.add(field.slice(0, field.indexOf('/')));
  for (const cardId of touched) {
    if (created.has(cardId)) continue;
    const section = readCard(doc, cardId)?.section;
    if (section && !step.editing.has(section))
      return `editing ${title(section)} is closed in the step "${step.title}"`;
  }
  for (const item of items) {
    if (!(item.content instanceof Y.ContentAny)) continue;
    if (placement.keyOf(item) !== CARD_KEYS.section) continue;
    const where = placement.whereIs(item);
    if (where.kind !== 'card') continue;
    const value = item.content.arr[0];
    if (typeof value !== 'string') continue;
    const isNew = created.has(where.cardId);
    if (isNew && !step.adding.has(value))
      return `adding cards to ${title(value)} is closed in the step "${step.title}"`;
    if (!isNew && !step.editing.has(value))
      return `moving cards into ${title(value)} is closed in the step "${step.title}"`;
  }
  return null;
}
