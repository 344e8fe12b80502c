import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { shiftIndex, shiftSelection, type TextDeltaOp } from './shiftSelection';

/** The delta Yjs reports for a change made by `edit` to a text holding `initial`. */
function deltaOf(initial: string, edit: (t: Y.Text) => void): TextDeltaOp[] {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, initial);
  let delta: TextDeltaOp[] = [];
  text.observe((event) => {
    delta = event.delta as TextDeltaOp[];
  });
  edit(text);
  return delta;
}

describe('shiftIndex', () => {
  it('moves the caret right by text inserted before it', () => {
    const delta = deltaOf('hello world', (t) => t.insert(0, 'Oh, '));
    expect(shiftIndex(6, delta)).toBe(10);
  });

  it('leaves the caret alone for text inserted after it', () => {
    const delta = deltaOf('hello world', (t) => t.insert(8, 'XYZ'));
    expect(shiftIndex(3, delta)).toBe(3);
  });

  it('keeps the caret before text inserted exactly at it', () => {
    const delta = deltaOf('hello', (t) => t.insert(2, 'XX'));
    expect(shiftIndex(2, delta)).toBe(2);
  });

  it('moves the caret left by text deleted before it', () => {
    const delta = deltaOf('hello world', (t) => t.delete(0, 6));
    expect(shiftIndex(8, delta)).toBe(2);
  });

  it('puts the caret at the start of a deletion that covered it', () => {
    const delta = deltaOf('hello world', (t) => t.delete(3, 5));
    expect(shiftIndex(5, delta)).toBe(3);
  });

  it('handles several operations in one change', () => {
    const delta = deltaOf('abcdef', (t) => {
      t.doc?.transact(() => {
        t.insert(0, '12');
        t.delete(4, 2);
      });
    });
    // "abcdef" → "12abcdef" → "12abef": the caret before "f" stays before "f".
    expect(shiftIndex(5, delta)).toBe(5);
  });
});

describe('shiftSelection', () => {
  it('shifts both ends of a selection', () => {
    const delta = deltaOf('hello world', (t) => t.insert(0, '>> '));
    expect(shiftSelection({ start: 6, end: 11 }, delta)).toEqual({ start: 9, end: 14 });
  });

  it('collapses a selection whose text was deleted', () => {
    const delta = deltaOf('hello world', (t) => t.delete(5, 6));
    expect(shiftSelection({ start: 6, end: 11 }, delta)).toEqual({ start: 5, end: 5 });
  });
});
