/**
 * Keeps a text field's caret where the person left it when someone else's edit changes
 * the text around it. Pure, so it is tested without a browser.
 */

/** One operation of a Y.Text change, as Yjs reports it in `YTextEvent.delta`. */
export interface TextDeltaOp {
  insert?: unknown;
  delete?: number;
  retain?: number;
}

/** A selection in a text field (start === end is a caret). */
export interface TextSelection {
  start: number;
  end: number;
}

function insertLength(insert: unknown): number {
  return typeof insert === 'string' ? insert.length : 1;
}

/**
 * Where `index` ends up after `delta`. Text inserted exactly at the index goes after it, so
 * a remote insert at the caret never pushes the caret past words the person is typing.
 */
export function shiftIndex(index: number, delta: readonly TextDeltaOp[]): number {
  let pos = 0;
  let result = index;
  for (const op of delta) {
    if (op.retain !== undefined) {
      pos += op.retain;
    } else if (op.insert !== undefined) {
      const n = insertLength(op.insert);
      if (pos < result) result += n;
      pos += n;
    } else if (op.delete !== undefined) {
      if (pos < result) result = Math.max(pos, result - op.delete);
    }
    if (pos > result) break;
  }
  return result;
}

/** The selection after `delta`, with both ends shifted. */
export function shiftSelection(
  selection: TextSelection,
  delta: readonly TextDeltaOp[],
): TextSelection {
  const start = shiftIndex(selection.start, delta);
  const end = shiftIndex(selection.end, delta);
  return { start, end: Math.max(start, end) };
}
