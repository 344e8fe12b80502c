'use client';
/**
 * What a decision and an indicator share with a card (issue 9): a list item with its name
 * as a heading, the lock, the drag handle, the "Card actions" menu (move, history, delete)
 * and the delete question, and focus requests. The record's own fields go inside.
 */
import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { Section } from '../../lib/board/sections';
import { useBoard } from '../board/BoardContext';
import { CardActions } from '../board/CardActions';
import { DeleteConfirm } from '../board/DeleteConfirm';
import { DragHandle } from '../board/DragHandle';
import { useCardDrop } from '../board/useCardDrop';
import type { RecordBasics } from './useRecordBasics';

/** Props of `RecordShell`. */
export interface RecordShellProps {
  id: string;
  kind: 'decision' | 'indicator';
  section: Section;
  index: number;
  isLast: boolean;
  /** "Decision 2", "Quality indicator 1". */
  label: string;
  /** Write access, lock and delete (`useRecordBasics`). */
  basics: RecordBasics;
  /** Words and badges beside the heading (e.g. the adoption state). */
  status?: ReactNode;
  /** Shown when "Show details" is chosen. */
  details: ReactNode;
  children: ReactNode;
}

/** A full-width list item holding one record. */
export function RecordShell(props: RecordShellProps) {
  const { id, kind, section, index, isLast, label } = props;
  const { writable, locked, canDelete, deletion } = props.basics;
  const board = useBoard();
  const ref = useRef<HTMLLIElement>(null);
  const drop = useCardDrop(id, section);
  const [details, setDetails] = useState(false);

  useEffect(() => {
    const target = board.focus.take(id);
    if (target) ref.current?.querySelector<HTMLElement>(`[data-focus="${target}"]`)?.focus();
  });

  return (
    <li
      ref={ref}
      data-card-id={id}
      data-kind={kind}
      {...(writable ? drop : {})}
      className="col-span-full flex min-w-0 flex-col gap-2 rounded-lg border-4 border-ink bg-white p-2 text-ink"
    >
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <h3 className="font-bold text-lg" data-focus="status" tabIndex={-1}>
          {label}
        </h3>
        {props.status}
        {locked && (
          <span
            className="rounded border-2 border-ink px-1 font-semibold text-xs"
            data-testid="locked"
          >
            Locked
          </span>
        )}
        <div className="ml-auto flex items-center gap-1">
          {writable && <DragHandle cardId={id} />}
          <CardActions
            id={id}
            section={section}
            index={index}
            isLast={isLast}
            label={label}
            canDelete={canDelete}
            writable={writable}
            locked={locked}
            detailsShown={details}
            toggleDetails={() => setDetails((d) => !d)}
            deletion={deletion}
          />
        </div>
      </div>
      {deletion.asking && <DeleteConfirm deletion={deletion} />}
      {details && <div className="space-y-1 text-sm">{props.details}</div>}
      {props.children}
    </li>
  );
}
