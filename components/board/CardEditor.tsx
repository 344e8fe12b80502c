'use client';
/**
 * The card's text field, bound to its Y.Text incrementally: each input becomes one
 * delete + insert, and remote changes update the field while keeping the caret in place,
 * so two people typing in one card both keep their words.
 */
import { useLayoutEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { applyTextEdit, cardText, MAX_CARD_CHARS } from '../../lib/board/doc';
import { useBoard } from './BoardContext';
import { commitComposition, type OpenComposition, openComposition } from './compositionEdit';
import { LOCAL_ORIGIN } from './localOrigin';
import { shiftSelection, type TextDeltaOp } from './shiftSelection';

/** Props of `CardEditor`: the card and the field's accessible name ("Card 2 in Decisions"). */
export interface CardEditorProps {
  id: string;
  label: string;
  describedBy?: string;
}

/** A plain `<textarea>` that co-edits one card's text. */
export function CardEditor({ id, label, describedBy }: CardEditorProps) {
  const { doc } = useBoard();
  const ref = useRef<HTMLTextAreaElement>(null);
  /** The open IME composition, if any: while it is open, the field is left alone. */
  const composing = useRef<OpenComposition | null>(null);

  useLayoutEffect(() => {
    const field = ref.current;
    const text = cardText(doc, id);
    if (!field || !text) return;
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
  }, [doc, id]);

  return (
    <textarea
      ref={ref}
      aria-label={label}
      aria-describedby={describedBy}
      data-focus="text"
      maxLength={MAX_CARD_CHARS}
      rows={1}
      spellCheck
      onCompositionStart={(event) => {
        const f = event.currentTarget;
        composing.current = openComposition(doc, id, f.value, f.selectionStart, f.selectionEnd);
      }}
      onCompositionEnd={(event) => {
        const f = event.currentTarget;
        const open = composing.current;
        composing.current = null;
        if (!open) return;
        const caret = commitComposition(doc, id, open, f.value, LOCAL_ORIGIN);
        // Show what remote edits changed meanwhile, with the caret after the composed text.
        f.value = cardText(doc, id)?.toString() ?? f.value;
        if (caret !== null) f.setSelectionRange(caret, caret);
      }}
      onInput={(event) => {
        if (composing.current || (event.nativeEvent as InputEvent).isComposing) return;
        applyTextEdit(doc, id, event.currentTarget.value, LOCAL_ORIGIN);
      }}
      className="field-sizing-content block min-h-10 w-full resize-y rounded-md border-2 border-ink bg-white px-2 py-1 text-base text-ink"
    />
  );
}
