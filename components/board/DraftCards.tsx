'use client';
/**
 * This person's private cards in one section (issue 11): written in their draft, seen by
 * nobody else until the facilitator shows everyone. Each is a plain text field bound to
 * the draft's Y.Text, with the same editor as a board card.
 */
import { useEffect, useId, useMemo, useRef } from 'react';
import { cardText } from '../../lib/board/doc';
import { SECTION_INFO, type Section } from '../../lib/board/sections';
import { BoardContext, useBoard } from './BoardContext';
import { CardEditor } from './CardEditor';
import { CardReadOnlyText } from './CardReadOnlyText';
import type { DraftContextValue } from './DraftContext';

/** What the person is told about their private cards, in plain words. */
export const PRIVATE_NOTE = 'Only you can see these until the facilitator shows everyone.';

/** Props of `DraftCards`. */
export interface DraftCardsProps {
  section: Section;
  ids: readonly string[];
  draft: DraftContextValue;
}

/** The private cards of one section, after the section's shared cards. */
export function DraftCards({ section, ids, draft }: DraftCardsProps) {
  const board = useBoard();
  const headingId = useId();
  // Cards in this list edit the draft, never the board.
  const services = useMemo(() => ({ ...board, doc: draft.doc }), [board, draft.doc]);
  const title = SECTION_INFO[section].title;
  return (
    <section
      aria-labelledby={headingId}
      className="mt-2 rounded-lg border-2 border-ink border-dashed p-1.5"
      data-testid={`private-cards-${section}`}
    >
      <h3 id={headingId} className="font-bold">
        Your private cards in {title}
      </h3>
      <p className="mb-1 text-sm">{PRIVATE_NOTE}</p>
      <BoardContext.Provider value={services}>
        <ol className="grid grid-cols-[repeat(auto-fill,minmax(min(100%,18rem),1fr))] gap-2">
          {ids.map((id, i) => (
            <DraftCard
              key={id}
              id={id}
              label={`Private card ${i + 1} in ${title}`}
              writable={draft.writable}
            />
          ))}
        </ol>
      </BoardContext.Provider>
    </section>
  );
}

function DraftCard({ id, label, writable }: { id: string; label: string; writable: boolean }) {
  const board = useBoard();
  const ref = useRef<HTMLLIElement>(null);
  const noteId = useId();
  useEffect(() => {
    const target = board.focus.take(id);
    if (target) ref.current?.querySelector<HTMLElement>(`[data-focus="${target}"]`)?.focus();
  });
  return (
    <li
      ref={ref}
      data-draft-card-id={id}
      className="flex min-w-0 flex-col gap-1 rounded-lg border-4 border-ink border-dotted bg-white p-1.5 text-ink"
    >
      <p id={noteId} className="font-semibold text-sm">
        Private: only you can see this card
      </p>
      {writable ? (
        <CardEditor id={id} label={label} describedBy={noteId} />
      ) : (
        <CardReadOnlyText text={cardText(board.doc, id)?.toString() ?? ''} label={label} />
      )}
    </li>
  );
}
