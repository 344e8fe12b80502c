import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTextEdit, createCard, initBoard, moveCard } from '../../lib/board/doc';
import { inspectUpdate, SERVER_CLIENT_ID } from './inspectUpdate';
import type { LockSet } from './lockCheck';

/** A server doc with card c1 in context and c2 in priorities, and Alice's synced copy. */
function setup() {
  const server = new Y.Doc();
  server.clientID = SERVER_CLIENT_ID;
  initBoard(server, 'server');
  createCard(server, 'context', 'agreed words', { id: 'c1' });
  createCard(server, 'priorities', 'open', { id: 'c2' });
  const alice = new Y.Doc();
  alice.clientID = 11;
  Y.applyUpdate(alice, Y.encodeStateAsUpdate(server));
  const check = (fn: () => void, locks: LockSet) => {
    const sv = Y.encodeStateVector(alice);
    fn();
    const update = Y.encodeStateAsUpdate(alice, sv);
    return inspectUpdate(update, {
      doc: server,
      bindings: new Map(),
      participantId: 'alice',
      mayWrite: true,
      mode: 'update',
      locks,
    });
  };
  return { alice, check };
}

const lock = (cards: string[], sections: string[]): LockSet => ({
  cards: new Set(cards),
  sections: new Set(sections),
});

describe('locks in the update inspection (issue 11)', () => {
  it('[I43] refuses typing into, deleting from or moving a locked card', () => {
    for (const edit of [
      (d: Y.Doc) => applyTextEdit(d, 'c1', 'agreed words!'),
      (d: Y.Doc) => applyTextEdit(d, 'c1', 'agreed'),
      (d: Y.Doc) => moveCard(d, 'c1', 'priorities', 0),
    ]) {
      const { alice, check } = setup();
      const r = check(() => edit(alice), lock(['c1'], []));
      expect(r.ok ? 'accepted' : r.reason).toBe('locked');
    }
  });

  it('[I43] refuses new cards in, and moves into or out of, a locked section', () => {
    const a = setup();
    const r1 = a.check(
      () => createCard(a.alice, 'decisions', 'new', { id: 'n1' }),
      lock([], ['decisions']),
    );
    expect(r1.ok ? 'accepted' : r1.reason).toBe('locked');
    const b = setup();
    const r2 = b.check(() => moveCard(b.alice, 'c1', 'priorities', 0), lock([], ['priorities']));
    expect(r2.ok ? 'accepted' : r2.reason).toBe('locked');
    const c = setup();
    const r3 = c.check(() => applyTextEdit(c.alice, 'c1', 'changed'), lock([], ['context']));
    expect(r3.ok ? 'accepted' : r3.reason).toBe('locked');
  });

  it('[I43] lets everything else through', () => {
    const { alice, check } = setup();
    const r = check(() => applyTextEdit(alice, 'c2', 'open still'), lock(['c1'], ['decisions']));
    expect(r.ok).toBe(true);
  });
});
