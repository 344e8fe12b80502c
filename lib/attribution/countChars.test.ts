import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Group } from '../roles';
import { countChars } from './countChars';

const A = 101;
const B = 202;
const roster = new Map<number, Group | null>([
  [A, 'people'],
  [B, 'system'],
]);
const groupOf = (id: number) => roster.get(id);

function pair(): { a: Y.Doc; b: Y.Doc; sync: () => void } {
  const a = new Y.Doc();
  a.clientID = A;
  const b = new Y.Doc();
  b.clientID = B;
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  return { a, b, sync };
}

describe('countChars', () => {
  it('counts characters by the group of the clientID that wrote them, on both peers', () => {
    const { a, b, sync } = pair();
    a.getText('t').insert(0, 'hello');
    sync();
    b.getText('t').insert(5, ' world');
    b.getText('t').insert(0, '>');
    sync();
    for (const doc of [a, b]) {
      const text = doc.getText('t');
      expect(text.toString()).toBe('>hello world');
      expect(countChars(text, groupOf)).toEqual({ people: 5, system: 7, unknown: 0 });
    }
  });

  it('counts interleaved concurrent typing the same on both peers', () => {
    const { a, b, sync } = pair();
    a.getText('t').insert(0, 'aaaa');
    sync();
    a.getText('t').insert(2, 'AA');
    b.getText('t').insert(2, 'bbb');
    b.getText('t').insert(0, 'b');
    sync();
    expect(a.getText('t').toString()).toBe(b.getText('t').toString());
    expect(countChars(a.getText('t'), groupOf)).toEqual({ people: 6, system: 4, unknown: 0 });
    expect(countChars(b.getText('t'), groupOf)).toEqual({ people: 6, system: 4, unknown: 0 });
  });

  it('does not count deleted characters, whoever deleted them', () => {
    const { a, b, sync } = pair();
    a.getText('t').insert(0, 'abcdefghij');
    sync();
    b.getText('t').insert(10, 'XYZ');
    b.getText('t').delete(2, 5); // B deletes five of A's characters
    sync();
    a.getText('t').delete(6, 2); // A deletes two of B's characters: "abhijXYZ" -> "abhijX"
    sync();
    expect(b.getText('t').toString()).toBe('abhijX');
    expect(countChars(a.getText('t'), groupOf)).toEqual({ people: 5, system: 1, unknown: 0 });
    expect(countChars(b.getText('t'), groupOf)).toEqual({ people: 5, system: 1, unknown: 0 });
  });

  it('counts characters under clientIDs the roster does not know (or maps to no group) as unknown', () => {
    const { a, b, sync } = pair();
    const c = new Y.Doc();
    c.clientID = 303; // not in the roster
    const d = new Y.Doc();
    d.clientID = 404;
    a.getText('t').insert(0, 'pp');
    sync();
    Y.applyUpdate(c, Y.encodeStateAsUpdate(a));
    c.getText('t').insert(2, 'uuu');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(c));
    Y.applyUpdate(d, Y.encodeStateAsUpdate(b));
    d.getText('t').insert(0, 'nn');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(d));
    const withNull = (id: number) => (id === 404 ? null : groupOf(id));
    expect(b.getText('t').toString()).toBe('nnppuuu');
    expect(countChars(b.getText('t'), withNull)).toEqual({ people: 2, system: 0, unknown: 5 });
  });

  it('does not count formatting marks or embeds as characters', () => {
    const { a, b, sync } = pair();
    a.getText('t').insert(0, 'bold text');
    sync();
    b.getText('t').format(0, 4, { bold: true });
    b.getText('t').insertEmbed(4, { image: 'x' });
    sync();
    expect(countChars(a.getText('t'), groupOf)).toEqual({ people: 9, system: 0, unknown: 0 });
  });

  it('returns zeros for an empty text', () => {
    expect(countChars(new Y.Doc().getText('t'), groupOf)).toEqual({
      people: 0,
      system: 0,
      unknown: 0,
    });
  });
});
