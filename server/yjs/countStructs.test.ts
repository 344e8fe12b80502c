import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { makeBase, SHAPES } from '../../bench/lib/worstFrames';
import { applyTextEdit, createCard, moveCard } from '../../lib/board/doc';
import { countStructs } from './countStructs';

describe('[I18] countStructs', () => {
  it('counts what Y.decodeUpdate decodes, for honest boards and every hostile shape', () => {
    const doc = new Y.Doc();
    const id = createCard(doc, 'context', 'hello', { id: 'c1' });
    applyTextEdit(doc, id, 'hello there, world');
    applyTextEdit(doc, id, 'hi there');
    moveCard(doc, id, 'priorities', 0);
    doc.getMap('other').set('json', { a: [1, 'two', null], b: true });
    doc.getText('rich').insert(0, 'bold', { bold: true });
    doc.getText('rich').insertEmbed(0, { image: 'x' });
    doc.getXmlFragment('xml').insert(0, [new Y.XmlElement('p'), new Y.XmlText('t')]);
    const frames = [Y.encodeStateAsUpdate(doc)];
    for (const shape of SHAPES) frames.push(shape.build(makeBase(77, 20), 50));
    for (const frame of frames) {
      expect(countStructs(frame, 1e9)).toBe(Y.decodeUpdate(frame).structs.length);
    }
  });

  it('stops past the cap, and answers null for bytes that are not an update', () => {
    const frame = SHAPES[0]?.build(makeBase(77, 20), 500) as Uint8Array;
    expect(countStructs(frame, 100)).toBe(101);
    expect(countStructs(Uint8Array.from([1, 2, 7]), 100)).toBeNull();
  });
});
