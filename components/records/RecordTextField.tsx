'use client';
/**
 * One co-edited text field of a decision or indicator, with a visible label, coloured by
 * who wrote it exactly like card text (fill, border pattern and the group in words), or
 * read-only words for people who may not write it.
 */
import type { ReactNode } from 'react';
import { countChars } from '../../lib/attribution/countChars';
import { applyFieldEdit, fieldText } from '../../lib/board/records';
import type { FieldSpec } from '../../lib/board/schema';
import type { CardAgreement } from '../../lib/protocol/events';
import type { Group } from '../../lib/roles';
import { useBoard } from '../board/BoardContext';
import { CardBadge } from '../board/CardColourInfo';
import { factsOf, sharesSentence } from '../board/cardFacts';
import { LOOK } from '../board/cardLook';
import { FieldEditor } from '../board/FieldEditor';
import { LOCAL_ORIGIN } from '../board/localOrigin';
import { cn } from '../ui/cn';
import { FieldError } from '../ui/FieldError';

/** Props of `RecordTextField`. */
export interface RecordTextFieldProps {
  recordId: string;
  field: string;
  spec: Extract<FieldSpec, { kind: 'text' }>;
  /** The group of the person who made the record (colours an empty field). */
  creatorGroup: Group | null | undefined;
  writable: boolean;
  /** A refusal to show beside the field (e.g. "Write why before saving this outcome"). */
  error?: string | null;
  hint?: string;
  /** Extra content under the field. */
  children?: ReactNode;
  /** An indicator's agreement and current `recordHash`: adopted by both makes every field joint. */
  agreement?: CardAgreement;
  hash?: string;
}

/** The DOM id of a record's field, where a label points and focus can be sent. */
export function recordFieldId(recordId: string, field: string): string {
  return `${recordId}-${field}`;
}

/** A labelled, coloured, co-edited field. */
export function RecordTextField({
  recordId,
  field,
  spec,
  creatorGroup,
  writable,
  error,
  hint,
  children,
  agreement,
  hash = '',
}: RecordTextFieldProps) {
  const board = useBoard();
  const text = fieldText(board.doc, recordId, field);
  if (!text) return null;
  const value = text.toString();
  // The card rule on this field's own characters (lib/attribution/recordColour's fieldColour).
  const facts = factsOf(countChars(text, board.groupOf), hash, creatorGroup, agreement);
  const colour = value.trim() === '' ? null : (facts.colour ?? 'unknown');
  const id = recordFieldId(recordId, field);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const sharesId = `${id}-shares`;
  return (
    <div
      data-field={field}
      data-colour={colour ?? 'empty'}
      className={cn(
        'min-w-0 space-y-1 rounded-md p-1.5 text-ink',
        colour ? LOOK[colour] : 'border-2 border-neutral-500 border-dashed bg-white',
      )}
    >
      <div className="flex flex-wrap items-center gap-2">
        {writable ? (
          <label htmlFor={id} className="font-bold">
            {spec.label}
          </label>
        ) : (
          <span className="font-bold">{spec.label}</span>
        )}
        {colour && <CardBadge facts={facts} />}
      </div>
      {hint && (
        <p id={hintId} className="text-sm">
          {hint}
        </p>
      )}
      {error && <FieldError id={errorId!} message={error} />}
      {writable ? (
        <FieldEditor
          id={id}
          text={text}
          edit={(next) => applyFieldEdit(board.doc, recordId, field, next, LOCAL_ORIGIN)}
          maxLength={spec.maxChars}
          describedBy={[hintId, errorId, sharesId].filter(Boolean).join(' ')}
          focusKey={field}
          invalid={Boolean(error)}
        />
      ) : (
        <p className="whitespace-pre-wrap break-words rounded-md border-2 border-ink/40 bg-white px-2 py-1">
          {value || <span className="italic">Not written yet.</span>}
        </p>
      )}
      <p id={sharesId} className="sr-only">
        {sharesSentence(facts)}
      </p>
      {children}
    </div>
  );
}
