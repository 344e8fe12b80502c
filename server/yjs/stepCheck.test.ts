import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTextEdit, createCard, initBoard, moveCard } from '../../lib/board/doc';
import { defaultAgenda, stepRules } from '../../lib/facilitation/agenda';
import { inspectUpdate, SERVER_CLIENT_ID } from './inspectUpdate';
import { stepSet } from './stepCheck';

/** A server doc with c1 in context and c2 in priorities, and Alice's synced copy. */
function setup() {
  const server = new Y.Doc();
  server.clientID = SERVER_CLIENT_ID;
  initBoard(server, 'server');
  createCard(server, 'context', 'context words', { id: 'c1' });
  createCard(server, 'priorities', 'an idea', { id: 'c2' });
  const alice = new Y.Doc();
  alice.clientID = 11;
  Y.applyUpdate(alice, Y.encodeStateAsUpdate(server));
  /** Inspect what `fn` writes while the default agenda is at step `stepId`. */
  const check = (fn: (d: Y.Doc) => void, stepId: string) => {
    const sv = Y.encodeStateVector(alice);
    fn(alice);
    return inspectUpdate(Y.encodeStateAsUpdate(alice, sv), {
      doc: server,
      bindings: new Map(),
      participantId: 'alice',
      mayWrite: true,
      mode: 'update',
      step: stepSet(stepRules({ ...defaultAgenda(), current: stepId })),
    });
  };
  return check;
}

const verdict = (r: ReturnType<ReturnType<typeof setup>>) => (r.ok ? 'accepted' : r.reason);

describe('the agenda step in the update inspection (issue 11)', () => {
  it('[I52] refuses a new card in a section closed for adding, and allows one in an open section', () => {
    expect(verdict(setup()((d) => createCard(d, 'decisions', 'x', { id: 'n1' }), 'ideas'))).toBe(
      'stepClosed',
    );
    expect(verdict(setup()((d) => createCard(d, 'priorities', 'x', { id: 'n2' }), 'ideas'))).toBe(
      'accepted',
    );
  });

  it('[I52] refuses typing, deleting, reordering and moving in or into a section closed for editing', () => {
    for (const edit of [
      (d: Y.Doc) => applyTextEdit(d, 'c1', 'context words!'),
      (d: Y.Doc) => applyTextEdit(d, 'c1', 'context'),
      (d: Y.Doc) => moveCard(d, 'c1', 'context', 5),
      (d: Y.Doc) => moveCard(d, 'c2', 'context', 0),
      (d: Y.Doc) => moveCard(d, 'c1', 'priorities', 0),
    ])
      expect(verdict(setup()(edit, 'ideas'))).toBe('stepClosed');
  });

  it('[I52] lets edits in an open section through, and everything when no step is current', () => {
    expect(verdict(setup()((d) => applyTextEdit(d, 'c2', 'a better idea'), 'ideas'))).toBe(
      'accepted',
    );
    // Review opens every section for editing, none for adding.
    expect(verdict(setup()((d) => moveCard(d, 'c2', 'decisions', 0), 'review'))).toBe('accepted');
    expect(verdict(setup()((d) => createCard(d, 'context', 'x', { id: 'n3' }), 'review'))).toBe(
      'stepClosed',
    );
    expect(stepSet(stepRules(defaultAgenda()))).toBeUndefined();
  });
});
