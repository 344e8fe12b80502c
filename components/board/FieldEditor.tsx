'use client';
/**
 * A plain `<textarea>` bound to one co-edited Y.Text incrementally: each input becomes one
 * delete + insert, and remote changes update the field while keeping the caret in place,
 * so two people typing in one field both keep their words. Used for card text and for
 * every text field of a decision or indicator (issue 9).
 */
import { useLayoutEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { commitCompositionIn, type OpenComposition, openCompositionIn } from './compositionEdit';
import { LOCAL_ORIGIN } from './localOrigin';
import { shiftSelection, type TextDeltaOp } from './shiftSelection';

/** Props of `FieldEditor`. */
export interface FieldEditorProps {
  /** The Y.Text this field edits. */
  text: Y.Text;
  /** Write the field's whole new value as one small edit (`applyTextEdit` / `applyFieldEdit`). */
  edit(next: string): void;
  maxLength: number;
  /** The field's id, for a visible `<label htmlFor>` (or use `label`). */
  id?: string;
  /** An accessible name when there is no visible label. */
  label?: string;
  describedBy?: string;
  /** Where `FocusRequests` may move focus (`data-focus`). */
  focusKey: string;
  invalid?: boolean;
}

/** The shared look of co-edited text fields. */
export const FIELD_LOOK =
  'field-sizing-content block min-h-10 w-full resize-y rounded-md border-2 border-ink bg-white px-2 py-1 text-base text-ink';

/** A textarea that co-edits one Y.Text. */
export function FieldEditor({
  text,
  edit,
  maxLength,
  id,
  label,
  describedBy,
  focusKey,
  invalid,
}: FieldEditorProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  /** The open IME composition, if any: while it is open, the field is left alone. */
  const composing = useRef<OpenComposition | null>(null);

  useLayoutEffect(() => {
    const field = ref.current;
    if (!field) return;
    field.value = text.toString();
    const onRemote = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      if (transaction.origin === LOCAL_ORIGIN || composing.current) return;
      const focused = document.activeElement === field;
      const before = { start: field.selectionStart, end: field.selectionEnd };
      const direction = field.selectionDirection;
      const scroll = field.scrollTop;
      field.value = text.toString();
      field.scrollTop = scroll;
      if (!focused) return;
      const after = shiftSelection(before, event.delta as TextDeltaOp[]);
      field.setSelectionRange(after.start, after.end, direction);
    };
    text.observe(onRemote);
    return () => text.unobserve(onRemote);
  }, [text]);

  return (
    <textarea
      ref={ref}
      id={id}
      aria-label={label}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      data-focus={focusKey}
      maxLength={maxLength}
      rows={1}
      spellCheck
      onCompositionStart={(event) => {
        const f = event.currentTarget;
        composing.current = openCompositionIn(text, f.value, f.selectionStart, f.selectionEnd);
      }}
      onCompositionEnd={(event) => {
        const f = event.currentTarget;
        const open = composing.current;
        composing.current = null;
        if (!open || !text.doc) return;
        const caret = commitCompositionIn(text.doc, text, open, f.value, LOCAL_ORIGIN);
        // Show what remote edits changed meanwhile, with the caret after the composed text.
        f.value = text.toString();
        if (caret !== null) f.setSelectionRange(caret, caret);
      }}
      onInput={(event) => {
        if (composing.current || (event.nativeEvent as InputEvent).isComposing) return;
        edit(event.currentTarget.value);
      }}
      className={FIELD_LOOK}
    />
  );
}
