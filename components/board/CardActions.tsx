'use client';
/**
 * The "Card actions" menu of one card: Move up, Move down, Move to each other section,
 * show or hide the details, History, and Delete. Every move goes through `moveCard`, which
 * never re-creates the text, so colour stays; focus follows the card to its new place.
 * Delete only asks ("Delete this card?"); the card shows the question (`DeleteConfirm`).
 */
import { useState } from 'react';
import { moveCard, newCardId } from '../../lib/board/doc';
import { createRecord } from '../../lib/board/records';
import { SECTION_KIND } from '../../lib/board/schema';
import { SECTION_INFO, SECTIONS, type Section } from '../../lib/board/sections';
import { useFacilitationContext } from '../facilitate/FacilitationContext';
import { FacilitatorCardItems } from '../facilitate/FacilitatorCardItems';
import { PriorityCloseItem } from '../records/PriorityCloseItem';
import { useRecordsContext } from '../records/RecordsContext';
import { MenuButton } from '../ui/MenuButton';
import { MenuItem } from '../ui/MenuItem';
import { openSection } from './addButtonId';
import { useBoard } from './BoardContext';
import { CardHistoryDialog } from './CardHistoryDialog';
import { ErrorLine } from './ErrorLine';
import { LOCAL_ORIGIN } from './localOrigin';
import type { CardDeletion } from './useDeleteCard';

/** Props of `CardActions`. */
export interface CardActionsProps {
  id: string;
  section: Section;
  index: number;
  /** True for the last card of its section (so adding a card re-renders only the old and new last). */
  isLast: boolean;
  /** The card's name, e.g. "Card 2 in Decisions". */
  label: string;
  canDelete: boolean;
  /** False while the card is locked for you (issue 11) or you cannot write. */
  writable: boolean;
  /** True while the card or its section is locked. */
  locked: boolean;
  detailsShown: boolean;
  toggleDetails(): void;
  /** The card's delete question and the server's answer (`useDeleteCard`, held by the card). */
  deletion: CardDeletion;
  /** Facilitators, on a Joint priorities card: open "Not possible, because…" (issue 9). */
  closePriority?: () => void;
}

function DotsIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <circle cx="5" cy="12" r="2" fill="currentColor" />
      <circle cx="12" cy="12" r="2" fill="currentColor" />
      <circle cx="19" cy="12" r="2" fill="currentColor" />
    </svg>
  );
}

/** The menu button and its items, plus the server's answer when a delete is refused. */
export function CardActions(props: CardActionsProps) {
  const { id, section, index, isLast, label, canDelete, deletion } = props;
  const { doc, focus } = useBoard();
  const canWrite = props.writable;
  const facilitation = useFacilitationContext();
  const lockedSections = facilitation.bypass ? new Set<string>() : facilitation.lockedSections;
  // The agenda's step may close sections for editing: a card cannot be moved into them.
  const stepOpen = (s: Section) =>
    facilitation.bypass || !facilitation.step || facilitation.step.editing.includes(s);
  const [history, setHistory] = useState(false);
  const records = useRecordsContext();
  const closed = records.view.closures.some((c) => c.cardId === id);

  function move(to: Section, at: number) {
    focus.request(id, 'actions');
    moveCard(doc, id, to, at, LOCAL_ORIGIN);
    return undefined;
  }

  /** A new decision that answers this card, with its question focused (issue 9). */
  function proposeDecision() {
    const decisionId = newCardId();
    openSection('decisions');
    focus.request(decisionId, 'text');
    createRecord(doc, 'decision', 'decisions', {
      id: decisionId,
      links: [id],
      origin: LOCAL_ORIGIN,
    });
    return 'keep-focus' as const;
  }

  function details() {
    props.toggleDetails();
    return undefined;
  }

  function showHistory() {
    setHistory(true);
    return 'keep-focus' as const;
  }

  function remove() {
    deletion.ask();
    return 'keep-focus' as const;
  }

  const items = (
    <>
      {canWrite && (
        <>
          <MenuItem disabled={index === 0} onSelect={() => move(section, index - 1)}>
            Move up
          </MenuItem>
          <MenuItem disabled={isLast} onSelect={() => move(section, index + 1)}>
            Move down
          </MenuItem>
          {SECTIONS.filter(
            // A record stays in its kind's sections (I67): a card never moves into Decisions.
            (s) =>
              s !== section &&
              !lockedSections.has(s) &&
              stepOpen(s) &&
              SECTION_KIND[s] === SECTION_KIND[section],
          ).map((s) => (
            <MenuItem key={s} onSelect={() => move(s, Number.MAX_SAFE_INTEGER)}>
              {`Move to ${SECTION_INFO[s].title}`}
            </MenuItem>
          ))}
          {section === 'priorities' && !lockedSections.has('decisions') && (
            <MenuItem onSelect={proposeDecision}>Propose a decision about this</MenuItem>
          )}
        </>
      )}
      {facilitation.call && (
        <FacilitatorCardItems call={facilitation.call} id={id} locked={props.locked} />
      )}
      {props.closePriority && records.call && (
        <PriorityCloseItem
          closed={closed}
          open={props.closePriority}
          reopen={() => records.call?.('priority:close', { cardId: id, closed: false, reason: '' })}
        />
      )}
      <MenuItem onSelect={details}>{props.detailsShown ? 'Hide details' : 'Show details'}</MenuItem>
      <MenuItem onSelect={showHistory}>History</MenuItem>
      {canDelete && (
        <MenuItem danger onSelect={remove}>
          Delete card
        </MenuItem>
      )}
    </>
  );

  return (
    <>
      <MenuButton
        label={`Card actions, ${label}`}
        items={items}
        buttonProps={{ 'data-focus': 'actions', title: 'Card actions' }}
      >
        <DotsIcon />
      </MenuButton>
      {deletion.error && <ErrorLine message={deletion.error} />}
      {history && (
        <CardHistoryDialog
          cardId={id}
          label={label}
          onClose={() => {
            setHistory(false);
            document
              .querySelector<HTMLElement>(`[data-card-id="${id}"] [data-focus="actions"]`)
              ?.focus();
          }}
        />
      )}
    </>
  );
}
