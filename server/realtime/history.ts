/**
 * Card history over the control channel (issue 13): every version of a card with who
 * made it and when, rebuilt from the attribution log, the stored updates' id ranges and
 * the room's `gc: false` doc (no second copy of any text); and restoring a version, which
 * is a new edit by the restorer that writes only the difference.
 */
import { diffChars } from 'diff';
import * as Y from 'yjs';
import { cardText, readCard } from '../../lib/board/doc';
import { historyAuthor } from '../../lib/board/historyAuthor';
import { historyTexts } from '../../lib/board/historyTexts';
import { type CardEdit, historyVersions } from '../../lib/board/historyVersions';
import type { Ack, CardHistoryView } from '../../lib/protocol/events';
import { fail } from '../../lib/protocol/reasons';
import { can, type Group } from '../../lib/roles';
import type { ParticipantRow, Store } from '../store/Store';
import { SERVER_CLIENT_ID } from '../yjs/inspectUpdate';
import type { Room } from '../yjs/room';

/** Every stored edit of a card with the text after it; run on the room's queue. */
async function cardEdits(room: Room, store: Store, cardId: string): Promise<CardEdit[]> {
  const text = cardText(room.doc, cardId);
  if (!text) return [];
  const w = room.workshopId;
  const seqs = [...new Set((await store.attributionsForCard(w, cardId, 0)).map((a) => a.seq))];
  const [sources, reverts] = await Promise.all([
    store.historySources(w, seqs),
    store.listReverts(w, cardId),
  ]);
  const restored = new Map(reverts.map((r) => [r.seq, r.toSeq]));
  const texts = historyTexts(
    text,
    sources.map((s) => s.ranges),
  );
  return sources.map((s, i) => ({
    seq: s.seq,
    at: s.at,
    participantId: s.participantId,
    text: texts[i] ?? '',
    restoredFrom: restored.get(s.seq) ?? null,
  }));
}

/** True when `p` may restore a version: a facilitator, or a writer who made or edited the card. */
function mayRestore(room: Room, p: ParticipantRow, edits: CardEdit[], cardId: string): boolean {
  if (!can(p.capability, 'board:write') || p.removedAt) return false;
  if (can(p.capability, 'card:restore')) return true;
  return room.creators.get(cardId) === p.id || edits.some((e) => e.participantId === p.id);
}

/** The history of a card as `viewer` may see it: anyone who may see the board. */
export function cardHistory(
  room: Room,
  store: Store,
  viewer: ParticipantRow,
  cardId: string,
): Promise<Ack<{ history: CardHistoryView }>> {
  return room.enqueue(async () => {
    const card = readCard(room.doc, cardId);
    if (!card || (card.deleted && !can(viewer.capability, 'card:restore')))
      return fail('unknownCard');
    const edits = await cardEdits(room, store, cardId);
    const sizes = new Map<Group, number>();
    for (const p of room.participants.values())
      if (p.group && !p.removedAt) sizes.set(p.group, (sizes.get(p.group) ?? 0) + 1);
    const versions = historyVersions(edits).map((e) => {
      const author = e.participantId ? room.participants.get(e.participantId) : undefined;
      return {
        seq: e.seq,
        at: e.at,
        group: author?.group ?? null,
        by: historyAuthor(author, viewer.id, (g) => sizes.get(g) ?? 0),
        text: e.text,
        restoredFrom: e.restoredFrom,
      };
    });
    const history = { cardId, versions, mayRestore: mayRestore(room, viewer, edits, cardId) };
    return { ok: true as const, history };
  });
}

/** A clientID nobody in the room has used, for one restore written as the restorer. */
function freshClientId(room: Room): number {
  for (;;) {
    const id = Math.floor(Math.random() * 0xffffffff);
    if (id !== SERVER_CLIENT_ID && !room.bindings.has(id) && Y.getState(room.doc.store, id) === 0)
      return id;
  }
}

/** The update that turns `text` into `target` by its character differences, as `clientId`. */
function differenceUpdate(room: Room, cardId: string, target: string, clientId: number) {
  const scratch = new Y.Doc({ gc: false });
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(room.doc));
  scratch.clientID = clientId;
  const text = cardText(scratch, cardId);
  if (!text) return null;
  let update: Uint8Array | null = null;
  scratch.on('update', (u: Uint8Array) => {
    update = u;
  });
  scratch.transact(() => {
    let pos = 0;
    for (const part of diffChars(text.toString(), target)) {
      if (part.removed) text.delete(pos, part.value.length);
      else if (part.added) {
        text.insert(pos, part.value);
        pos += part.value.length;
      } else pos += part.value.length;
    }
  });
  scratch.destroy();
  return update as Uint8Array | null;
}

/**
 * Restore `cardId` to its text after version `seq`, as a new edit by `p`: only the
 * difference is written, so unchanged characters keep their authors. Yjs cannot revive
 * deleted items, so restored characters are new ones written by `p`; the history says so.
 */
export function revertCard(
  room: Room,
  store: Store,
  p: ParticipantRow,
  cardId: string,
  seq: number,
): Promise<Ack> {
  return room.enqueue(async (): Promise<Ack> => {
    const card = readCard(room.doc, cardId);
    if (!card || card.deleted) return fail('unknownCard');
    const edits = await cardEdits(room, store, cardId);
    if (!mayRestore(room, p, edits, cardId))
      return fail(
        'forbidden',
        'Only the facilitator and the people who wrote this card can restore it.',
      );
    const target = edits.find((e) => e.seq === seq);
    if (!target) return fail('unknownVersion');
    if (target.text === card.text) return { ok: true };
    const update = differenceUpdate(room, cardId, target.text, freshClientId(room));
    if (!update) return { ok: true };
    const at = new Date().toISOString();
    const stored = await room.acceptOnBehalf(p, update);
    if (stored === null) return fail('storeFailed');
    await store.recordRevert({
      workshopId: room.workshopId,
      seq: stored,
      cardId,
      participantId: p.id,
      toSeq: seq,
      at,
    });
    return { ok: true };
  });
}
