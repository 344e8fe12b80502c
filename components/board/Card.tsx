'use client';
/**
 * One compact card: its group in words, icon and border pattern, its agreement state in a
 * few words, its text, "We agree" one tap away, and every other action behind one "Card
 * actions" menu. Colour comes from who wrote it and who agreed, never a field. Subscribes
 * only to its own Y.Map and agreement, so typing elsewhere never re-renders it.
 */
import { memo, useContext, useEffect, useId, useRef, useState } from 'react';
import { cardsMap, cardText } from '../../lib/board/doc';
import { SECTION_INFO, type Section } from '../../lib/board/sections';
import { useLock } from '../facilitate/FacilitationContext';
import { useStepClosed } from '../facilitate/useStepClosed';
import { PriorityFate } from '../records/PriorityFate';
import { cn } from '../ui/cn';
import { RosterVersionContext, useBoard } from './BoardContext';
import { CardActions } from './CardActions';
import { CardAgreement } from './CardAgreement';
import { CardBadge, CardColourInfo } from './CardColourInfo';
import { CardEditor } from './CardEditor';
import { CardReadOnlyText } from './CardReadOnlyText';
import { CardStatus } from './CardStatus';
import { CardVoteResult } from './CardVoteResult';
import { agreementSentence, cardFacts } from './cardFacts';
import { LOOK } from './cardLook';
import { DeleteConfirm } from './DeleteConfirm';
import { DragHandle } from './DragHandle';
import { useAgreement } from './useAgreement';
import { useCardDrop } from './useCardDrop';
import { useCardVersion } from './useCardVersion';
import { useDeleteCard } from './useDeleteCard';

/** Props of `Card`: its id and its place on the board. */
export interface CardProps {
  id: string;
  section: Section;
  index: number;
  /** True for the last card of its section (so adding a card re-renders only the old and new last). */
  isLast: boolean;
}

/** A card on the board, as a list item. */
export const Card = memo(function Card({ id, section, index, isLast }: CardProps) {
  const board = useBoard();
  useContext(RosterVersionContext);
  useCardVersion(board.doc, id);
  const agreement = useAgreement(board.agreements, id);
  const ref = useRef<HTMLLIElement>(null);
  const infoId = useId();
  const drop = useCardDrop(id, section);
  const [details, setDetails] = useState(false);
  /** The facilitator's "Not possible, because…" form is open (issue 9). */
  const [closing, setClosing] = useState(false);
  const deletion = useDeleteCard(id, section);
  const lock = useLock(id, section);
  const step = useStepClosed(section);
  // Locked content, and a section the agenda's step closes, are read-only here too, so an
  // honest client never sends a refused write.
  const writable = board.canWrite && !lock.readOnly && !step.editing;

  useEffect(() => {
    const target = board.focus.take(id);
    if (target) ref.current?.querySelector<HTMLElement>(`[data-focus="${target}"]`)?.focus();
  });

  const text = cardText(board.doc, id);
  if (!text) return null;
  const creator = cardsMap(board.doc).get(id)?._item?.id.client ?? 0;
  const facts = cardFacts(text, board.groupOf, board.groupOf(creator), agreement);
  const value = text.toString();
  const label = `Card ${index + 1} in ${SECTION_INFO[section].title}`;
  const mine = board.isMine(creator);
  const canDelete = writable && (board.isFacilitator || mine);

  return (
    <li
      ref={ref}
      data-card-id={id}
      data-colour={facts.colour ?? 'unknown'}
      data-drifted={facts.driftedBy ? 'true' : 'false'}
      {...(writable ? drop : {})}
      className={cn(
        // Off-screen cards skip layout and paint, so a board of 2,000 cards stays quick.
        'flex min-w-0 flex-col gap-1 rounded-lg p-1.5 text-ink [contain-intrinsic-size:auto_6rem] [content-visibility:auto]',
        LOOK[facts.colour ?? 'unknown'],
      )}
    >
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <CardBadge facts={facts} />
        <CardStatus facts={facts} />
        {lock.locked && (
          <span
            className="rounded border-2 border-ink px-1 font-semibold text-xs"
            data-testid="locked"
          >
            Locked
          </span>
        )}
        {writable && <DragHandle cardId={id} />}
      </div>
      {/* Wraps, so an open "Card actions" menu (basis-full) takes a row of its own below. */}
      <div className="flex flex-wrap items-start gap-1.5">
        <div className="min-w-0 flex-1">
          {writable ? (
            <CardEditor id={id} label={label} describedBy={infoId} />
          ) : (
            <CardReadOnlyText text={value} label={label} />
          )}
        </div>
        <CardAgreement cardId={id} text={value} facts={facts} />
        <CardActions
          id={id}
          section={section}
          index={index}
          isLast={isLast}
          label={label}
          canDelete={canDelete}
          writable={writable}
          locked={lock.locked}
          detailsShown={details}
          toggleDetails={() => setDetails((d) => !d)}
          deletion={deletion}
          closePriority={
            section === 'priorities' && writable && board.isFacilitator
              ? () => setClosing(true)
              : undefined
          }
        />
      </div>
      {deletion.asking && <DeleteConfirm deletion={deletion} />}
      <div id={infoId} className={details ? 'space-y-1 text-sm' : 'sr-only'}>
        <CardColourInfo facts={facts} />
        <p>{agreementSentence(facts.agreedBy)}</p>
      </div>
      <CardVoteResult id={id} section={section} />
      {section === 'priorities' && (
        <PriorityFate
          cardId={id}
          closing={closing}
          doneClosing={() => {
            board.focus.request(id, 'actions');
            setClosing(false);
          }}
        />
      )}
    </li>
  );
});
