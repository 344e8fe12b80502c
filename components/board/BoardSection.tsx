'use client';
/**
 * One section of the board: a heading that collapses it and shows its count, "Add a card"
 * right beside the heading (one Tab from it), the prompt, and an ordered list of cards.
 * Re-renders only when its own list of card ids changes.
 */
import { type DragEvent, memo, useId, useState } from 'react';
import { createCard, newCardId, orderAfterAll } from '../../lib/board/doc';
import { createRecord } from '../../lib/board/records';
import { SECTION_KIND } from '../../lib/board/schema';
import { SECTION_INFO, type Section } from '../../lib/board/sections';
import { useLock } from '../facilitate/FacilitationContext';
import { useStepClosed } from '../facilitate/useStepClosed';
import { DecisionRecord } from '../records/DecisionRecord';
import { IndicatorRecord } from '../records/IndicatorRecord';
import { Button } from '../ui/Button';
import { cn } from '../ui/cn';
import { addButtonId, sectionToggleId } from './addButtonId';
import { useBoard } from './BoardContext';
import { Card } from './Card';
import { DraftCards } from './DraftCards';
import { useDraft } from './DraftContext';
import { dropCard, isCardDrag } from './dragAndDrop';
import { LOCAL_ORIGIN } from './localOrigin';
import { SectionToggle } from './SectionToggle';

/** Props of `BoardSection`: which section, all its card ids in order, and those the filter shows. */
export interface BoardSectionProps {
  section: Section;
  ids: readonly string[];
  shown: readonly string[];
}

export { sectionToggleId };

/** What a section's "add" button says and what it calls one of its entries (issue 9). */
const NOUN = {
  card: { add: 'Add a card', name: null, one: 'card', many: 'cards' },
  decision: { add: 'Propose a decision', name: null, one: 'decision', many: 'decisions' },
  // Short, so it fits beside "Quality indicators (0)" on a phone; its name says the rest.
  indicator: {
    add: 'Add one',
    name: 'Add one quality indicator',
    one: 'indicator',
    many: 'indicators',
  },
} as const;

/** "3" and "cards", or "2 of 3" and "cards shown" under a filter. */
function countOf(
  total: number,
  shown: number,
  noun: { one: string; many: string },
): { count: string; countWords: string } {
  const cards = total === 1 ? noun.one : noun.many;
  return shown === total
    ? { count: `${total}`, countWords: cards }
    : { count: `${shown} of ${total}`, countWords: `${cards} shown` };
}

/** A section with its cards. Dropping a card on the section (not on a card) puts it last. */
export const BoardSection = memo(function BoardSection({ section, ids, shown }: BoardSectionProps) {
  const board = useBoard();
  const info = SECTION_INFO[section];
  const titleId = `section-${section}`;
  const bodyId = useId();
  const [open, setOpen] = useState(true);
  const lock = useLock(null, section);
  const draft = useDraft();
  const step = useStepClosed(section);
  const kind = SECTION_KIND[section];
  const noun = NOUN[kind];
  // While private writing is being revealed, nobody adds cards (they would be lost).
  const writable =
    board.canWrite && !lock.readOnly && (draft === null || draft.writable) && !step.editing;
  const addClosed = board.canWrite && !lock.readOnly && step.adding;
  // Only plain cards are written privately; decisions and indicators are made together.
  const privately = draft !== null && kind === 'card';
  const drafted = draft?.ids[section] ?? [];

  function addCard() {
    setOpen(true);
    const id = newCardId();
    board.focus.request(id, 'text');
    if (kind !== 'card') {
      createRecord(board.doc, kind, section, { id, origin: LOCAL_ORIGIN });
      return;
    }
    if (!draft) {
      createCard(board.doc, section, '', { id, origin: LOCAL_ORIGIN });
      return;
    }
    // A private card goes to the person's draft, ordered after the board's cards (issue 11).
    const order = orderAfterAll([board.doc, draft.doc], section);
    createCard(draft.doc, section, '', { id, order, origin: LOCAL_ORIGIN });
  }

  const drop = writable
    ? {
        onDragOver: (event: DragEvent<HTMLElement>) => {
          if (isCardDrag(event)) event.preventDefault();
        },
        onDrop: (event: DragEvent<HTMLElement>) => {
          if (!isCardDrag(event)) return;
          event.preventDefault();
          dropCard(board.doc, event, section, null, true);
        },
      }
    : {};

  return (
    <section
      aria-labelledby={titleId}
      data-section={section}
      data-open={open ? 'true' : 'false'}
      className="scroll-mt-4 rounded-lg border-2 border-neutral-400 p-1.5 sm:p-3"
      {...drop}
    >
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <SectionToggle
          id={sectionToggleId(section)}
          titleId={titleId}
          title={info.title}
          {...countOf(ids.length, shown.length, noun)}
          open={open}
          controls={bodyId}
          onToggle={() => setOpen((o) => !o)}
        />
        {lock.locked && (
          <span className="font-semibold text-sm" data-testid="section-locked">
            Locked by the facilitator
          </span>
        )}
        {addClosed && (
          <p className="ml-auto font-semibold text-sm" data-testid="adding-closed">
            Adding cards is closed in this step
          </p>
        )}
        {board.isFacilitator && step.othersAdding && (
          <span className="ml-auto text-sm" data-testid="adding-closed-for-others">
            Others cannot add cards here in this step
          </span>
        )}
        {writable && !step.adding && (
          <Button
            small
            id={addButtonId(section)}
            aria-label={
              kind === 'card'
                ? `Add a ${privately ? 'private ' : ''}card to ${info.title}`
                : (noun.name ?? undefined)
            }
            onClick={addCard}
            className="ml-auto"
          >
            {privately ? 'Add a private card' : noun.add}
          </Button>
        )}
      </div>
      <div id={bodyId} hidden={!open}>
        {/* On a phone the prompt shows while the section is empty; wider screens always show it.
            An empty section says nothing more: its heading already counts "(0)". */}
        <p className={cn('max-w-prose text-sm', ids.length > 0 && 'mb-2 hidden sm:block')}>
          {info.prompt}
        </p>
        {ids.length === 0 ? (
          drafted.length > 0 && <p className="italic">No cards everyone can see yet.</p>
        ) : shown.length === 0 ? (
          <p className="italic">{`No ${noun.many} here match.`}</p>
        ) : (
          <ol className="grid grid-cols-[repeat(auto-fill,minmax(min(100%,18rem),1fr))] gap-2">
            {shown.map((id) => {
              const place = { id, index: ids.indexOf(id), isLast: id === ids.at(-1) };
              if (kind === 'decision') return <DecisionRecord key={id} {...place} />;
              if (kind === 'indicator') return <IndicatorRecord key={id} {...place} />;
              return <Card key={id} section={section} {...place} />;
            })}
          </ol>
        )}
        {draft && drafted.length > 0 && (
          <DraftCards section={section} ids={drafted} draft={draft} />
        )}
      </div>
    </section>
  );
});
