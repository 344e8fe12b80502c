import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTextEdit, cardText, createCard } from './doc';
import { historyRanges, type UpdateRanges } from './historyRanges';
import { historyTexts } from './historyTexts';

/** A server doc that keeps deleted text, fed by two writers; records each update's ranges. */
function setup() {
  const server = new Y.Doc({ gc: false });
  const versions: UpdateRanges[] = [];
  const writer = (clientID: number) => {
    const d = new Y.Doc();
    d.clientID = clientID;
    Y.applyUpdate(d, Y.encodeStateAsUpdate(server));
    return d;
  };
  const send = (d: Y.Doc, edit: () => void) => {
    Y.applyUpdate(d, Y.encodeStateAsUpdate(server));
    edit();
    const u = Y.encodeStateAsUpdate(d, Y.encodeStateVector(server));
    versions.push(historyRanges(u));
    Y.applyUpdate(server, u);
  };
  return { server, versions, writer, send };
}

describe('historyTexts (issue 13: card history from Yjs items)', () => {
  it('[I31] rebuilds every version, including text that was later deleted', () => {
    const { server, versions, writer, send } = setup();
    const priya = writer(11);
    const alex = writer(22);
    let id = '';
    send(priya, () => {
      id = createCard(priya, 'context', 'We need buses');
    });
    send(priya, () => applyTextEdit(priya, id, 'We need buses at night'));
    send(alex, () => applyTextEdit(alex, id, 'Staff will review transport'));
    send(priya, () => applyTextEdit(priya, id, 'Staff will review night transport'));
    const text = cardText(server, id);
    if (!text) throw new Error('no card');
    expect(historyTexts(text, versions)).toEqual([
      'We need buses',
      'We need buses at night',
      'Staff will review transport',
      'Staff will review night transport',
    ]);
  });

  it('[I31] ignores what other cards’ updates inserted or deleted', () => {
    const { server, versions, writer, send } = setup();
    const a = writer(11);
    let one = '';
    let two = '';
    send(a, () => {
      one = createCard(a, 'context', 'first');
    });
    send(a, () => {
      two = createCard(a, 'context', 'second');
    });
    send(a, () => applyTextEdit(a, two, 'sec'));
    const text = cardText(server, one);
    if (!text) throw new Error('no card');
    expect(historyTexts(text, versions)).toEqual(['first', 'first', 'first']);
    expect(cardText(server, two)?.toString()).toBe('sec');
  });
});

describe('historyTexts lookups', () => {
  it('[I31] takes the earliest of overlapping deletions, with many versions from one writer', () => {
    const doc = new Y.Doc({ gc: false });
    doc.clientID = 7;
    const text = doc.getText('t');
    const versions: UpdateRanges[] = [];
    const record = (u: Uint8Array) => versions.push(historyRanges(u));
    doc.on('update', record);
    for (const ch of 'abcdefghij') text.insert(text.length, ch);
    doc.off('update', record);
    // Two people delete overlapping text: "cde" (version 10) and then "def" (version 11).
    versions.push({ inserted: [], deleted: [[7, 2, 3]] });
    versions.push({ inserted: [], deleted: [[7, 3, 3]] });
    text.delete(2, 4);
    const texts = historyTexts(text, versions);
    expect(texts.slice(0, 3)).toEqual(['a', 'ab', 'abc']);
    expect(texts.slice(9)).toEqual(['abcdefghij', 'abfghij', 'abghij']);
  });
});
