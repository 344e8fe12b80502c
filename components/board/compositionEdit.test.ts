import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTextEdit, cardText, createCard } from '../../lib/board/doc';
import { commitComposition, openComposition } from './compositionEdit';

describe('IME composition in the card editor (issue 13)', () => {
  it('writes the composed text once, where it started, after a remote edit moved it', () => {
    const doc = new Y.Doc();
    const id = createCard(doc, 'context', 'Buses stop early');
    const open = openComposition(doc, id, 'Buses stop early', 11, 11);
    if (!open) throw new Error('no composition');
    // Someone else edits the same card while the composition is open.
    applyTextEdit(doc, id, 'Night buses stop early');
    const caret = commitComposition(doc, id, open, 'Buses stop 很 early', 'local');
    expect(cardText(doc, id)?.toString()).toBe('Night buses stop 很 early');
    expect(caret).toBe(19);
  });

  it('replaces the selected text it was typed over, and does nothing when nothing was composed', () => {
    const doc = new Y.Doc();
    const id = createCard(doc, 'context', 'one two three');
    const open = openComposition(doc, id, 'one two three', 4, 7);
    if (!open) throw new Error('no composition');
    expect(commitComposition(doc, id, open, 'one 2 three', null)).toBe(5);
    expect(cardText(doc, id)?.toString()).toBe('one 2 three');
    const none = openComposition(doc, id, 'one 2 three', 3, 3);
    if (!none) throw new Error('no composition');
    expect(commitComposition(doc, id, none, 'one 2 three', null)).toBeNull();
    expect(cardText(doc, id)?.toString()).toBe('one 2 three');
  });
});
