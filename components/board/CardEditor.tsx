'use client';
/**
 * The card's text field: a `FieldEditor` bound to the card's Y.Text, so two people typing
 * in one card both keep their words.
 */
import { applyTextEdit, cardText, MAX_CARD_CHARS } from '../../lib/board/doc';
import { useBoard } from './BoardContext';
import { FieldEditor } from './FieldEditor';
import { LOCAL_ORIGIN } from './localOrigin';

/** Props of `CardEditor`: the card and the field's accessible name ("Card 2 in Decisions"). */
export interface CardEditorProps {
  id: string;
  label: string;
  describedBy?: string;
}

/** A plain `<textarea>` that co-edits one card's text. */
export function CardEditor({ id, label, describedBy }: CardEditorProps) {
  const { doc } = useBoard();
  const text = cardText(doc, id);
  if (!text) return null;
  return (
    <FieldEditor
      text={text}
      edit={(next) => applyTextEdit(doc, id, next, LOCAL_ORIGIN)}
      maxLength={MAX_CARD_CHARS}
      label={label}
      describedBy={describedBy}
      focusKey="text"
    />
  );
}
