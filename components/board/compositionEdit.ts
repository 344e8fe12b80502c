/**
 * IME composition in the card editor (issue 13). Android keyboards, dictation and CJK
 * input compose text before committing it. While a composition is open the field is left
 * alone (remote edits wait), and when it ends the composed text is written once, at the
 * place the composition started, wherever remote edits have moved that place to.
 */
import * as Y from 'yjs';
import { cardText } from '../../lib/board/doc';

/** Where a composition started, anchored in the Y.Text so remote edits move it. */
export interface OpenComposition {
  /** The field's value when the composition started. */
  base: string;
  start: Y.RelativePosition;
  end: Y.RelativePosition;
  /** Offsets in `base` of the text the composition replaces (the selection). */
  from: number;
  to: number;
}

/** Record a composition starting with the field's selection from `from` to `to`. */
export function openComposition(
  doc: Y.Doc,
  id: string,
  base: string,
  from: number,
  to: number,
): OpenComposition | null {
  const text = cardText(doc, id);
  return text ? openCompositionIn(text, base, from, to) : null;
}

/** `openComposition` for any co-edited Y.Text (a record's field, issue 9). */
export function openCompositionIn(
  text: Y.Text,
  base: string,
  from: number,
  to: number,
): OpenComposition {
  return {
    base,
    start: Y.createRelativePositionFromTypeIndex(text, from, -1),
    end: Y.createRelativePositionFromTypeIndex(text, to, 0),
    from,
    to,
  };
}

/**
 * Write the composed text once: what replaced `base[from, to)` in `value`, at the anchored
 * place. Returns the caret position after it, or null when nothing was written.
 */
export function commitComposition(
  doc: Y.Doc,
  id: string,
  open: OpenComposition,
  value: string,
  origin: unknown,
): number | null {
  const text = cardText(doc, id);
  return text ? commitCompositionIn(doc, text, open, value, origin) : null;
}

/** `commitComposition` for any co-edited Y.Text of `doc`. */
export function commitCompositionIn(
  doc: Y.Doc,
  text: Y.Text,
  open: OpenComposition,
  value: string,
  origin: unknown,
): number | null {
  const tail = open.base.length - open.to;
  const composed = value.slice(open.from, value.length - tail);
  const start = Y.createAbsolutePositionFromRelativePosition(open.start, doc)?.index;
  const end = Y.createAbsolutePositionFromRelativePosition(open.end, doc)?.index;
  if (start === undefined || end === undefined) return null;
  const removing = open.to > open.from ? Math.max(0, end - start) : 0;
  if (composed === '' && removing === 0) return null;
  doc.transact(() => {
    if (removing > 0) text.delete(start, removing);
    if (composed) text.insert(start, composed);
  }, origin);
  return start + composed.length;
}
