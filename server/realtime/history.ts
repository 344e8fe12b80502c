/**
 * Card history over the control channel (issue 13): every version of a card with who
 * made it and when, rebuilt from the attribution log, the stored updates' id ranges and
 * the room's `gc: false` doc (no second copy of any text); and restoring a version, which
 * is a new edit by the restorer that writes only the difference.
 */
import * as Y from 'yjs';
import { cardText, readCard } from '../../lib/board/doc';
import { historyAuthor } from '../../lib/board/historyAuthor';
import { type HistoryChars, historyChars } from '../../lib/board/historyTexts';
import { type CardEdit, historyVersions } from '../../lib/board/historyVersions';
import { STEP_CLOSED_CARD } from '../../lib/facilitation/agenda';
import type { Ack, CardHistoryView } from '../../lib/protocol/events';
import { fail } from '../../lib/protocol/reasons';
import { can } from '../../lib/roles';
import type { ParticipantRow, Store } from '../store/Store';
import { SERVER_CLIENT_ID } from '../yjs/inspectUpdate';
import type { Room } from '../yjs/room';

/** A card's stored edits with the text after each, and every character behind them. */
interface CardEdits {
  edits: CardEdit[];
  chars: HistoryChars;
  /** The indices into `chars` of the text after edit `seq`, or null when there is no such edit. */
  charsAt(seq: number): number[] | null;
}

/** Every stored edit of a card with the text after it; run on the room's queue. */
async function cardEdits(room: Room, store: Store, cardId: string): Promise<CardEdits> {
  const text = cardText(room.doc, cardId);
  const w = room.workshopId;
  const seqs = [...new Set((await store.attributionsForCard(w, cardId, 0)).map((a) => a.seq))];
  const [sources, reverts] = await Promise.all([
    store.historySources(w, seqs),
    store.listReverts(w, cardId),
  ]);
  const restored = new Map(reverts.map((r) => [r.seq, r.toSeq]));
  const chars = text
    ? historyChars(
        text,
        sources.map((s) => s.ranges),
      )
    : { chars: [], clients: [], live: [], versions: [] };
  const edits = sources.map((s, i) => ({
    seq: s.seq,
    at: s.at,
    participantId: s.participantId,
    text: (chars.versions[i] ?? []).map((c) => chars.chars[c]).join(''),
    restoredFrom: restored.get(s.seq) ?? null,
  }));
  const bySeq = new Map(sources.map((s, i) => [s.seq, i]));
  const charsAt = (seq: number) => chars.versions[bySeq.get(seq) ?? -1] ?? null;
  return { edits, chars, charsAt };
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
    const { edits } = await cardEdits(room, store, cardId);
    const sizes = room.groupSizes();
    const versions = historyVersions(edits).map((e) => {
      const author = e.participantId ? room.participants.get(e.participantId) : undefined;
      return {
        seq: e.seq,
        at: e.at,
        group: author?.group ?? null,
        by: historyAuthor(
          author,
          viewer.id,
          author ? room.identifiableThen(author.id) : false,
          sizes,
        ),
        text: e.text,
        restoredFrom: e.restoredFrom,
      };
    });
    const history = { cardId, versions, mayRestore: mayRestore(room, viewer, edits, cardId) };
    return { ok: true as const, history };
  });
}

/** A clientID nobody in the room has used and `taken` does not hold. */
function freshClientId(room: Room, taken: ReadonlyMap<number, string>): number {
  for (;;) {
    const id = Math.floor(Math.random() * 0xffffffff);
    if (id === SERVER_CLIENT_ID || room.bindings.has(id) || taken.has(id)) continue;
    if (Y.getState(room.doc.store, id) === 0) return id;
  }
}

/** The update that restores a text, and which participant each of its new clientIDs is for. */
interface RestoreUpdate {
  update: Uint8Array;
  owners: Map<number, string>;
}

/** One step of a restore: keep, delete or re-insert a run of the card's characters. */
type Step =
  | { kind: 'keep'; n: number }
  | { kind: 'delete'; n: number }
  | { kind: 'insert'; owner: string; text: string };

/**
 * The steps from the card's text now to the version made of the characters `want`,
 * compared by identity (which Yjs item), never by value: a character the version had is
 * kept if it is still there, re-inserted for whoever first wrote it if it was deleted.
 */
function restoreSteps(room: Room, h: HistoryChars, want: ReadonlySet<number>, restorer: string) {
  const steps: Step[] = [];
  for (let i = 0; i < h.chars.length; i++) {
    const live = h.live[i] === true;
    const wanted = want.has(i);
    const last = steps.at(-1);
    if (live && wanted) {
      if (last?.kind === 'keep') last.n++;
      else steps.push({ kind: 'keep', n: 1 });
    } else if (live) {
      if (last?.kind === 'delete') last.n++;
      else steps.push({ kind: 'delete', n: 1 });
    } else if (wanted) {
      const owner = room.bindings.get(h.clients[i] ?? -1) ?? restorer;
      const ch = h.chars[i] ?? '';
      if (last?.kind === 'insert' && last.owner === owner) last.text += ch;
      else steps.push({ kind: 'insert', owner, text: ch });
    }
  }
  return steps;
}

/**
 * Build, on a scratch copy of the doc, the update that restores the version made of the
 * characters `want`. Each run of re-inserted characters is written under a fresh clientID
 * bound to the person who first wrote them, so they keep their colour; characters nobody
 * can be traced to are the restorer's.
 */
function restoreUpdate(
  room: Room,
  cardId: string,
  h: HistoryChars,
  want: ReadonlySet<number>,
  restorer: string,
): RestoreUpdate | null {
  const scratch = new Y.Doc({ gc: false });
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(room.doc));
  const text = cardText(scratch, cardId);
  if (!text) return null;
  const owners = new Map<number, string>();
  const idOf = new Map<string, number>();
  const clientFor = (owner: string) => {
    let id = idOf.get(owner);
    if (id === undefined) {
      id = freshClientId(room, owners);
      idOf.set(owner, id);
      owners.set(id, owner);
    }
    return id;
  };
  const updates: Uint8Array[] = [];
  scratch.on('update', (u: Uint8Array) => updates.push(u));
  scratch.clientID = clientFor(restorer);
  let pos = 0;
  for (const step of restoreSteps(room, h, want, restorer)) {
    if (step.kind === 'keep') pos += step.n;
    else if (step.kind === 'delete') scratch.transact(() => text.delete(pos, step.n));
    else {
      scratch.clientID = clientFor(step.owner);
      scratch.transact(() => text.insert(pos, step.text));
      pos += step.text.length;
    }
  }
  scratch.destroy();
  return updates.length > 0 ? { update: Y.mergeUpdates(updates), owners } : null;
}

/**
 * Restore `cardId` to its text after version `seq`, as a new edit by `p` that writes only
 * the difference. Yjs cannot bring deleted items back, so restored characters are new
 * items, but each is bound to whoever first wrote it, so the colour stays honest; the
 * history records that `p` did the restore.
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
    const { edits, chars, charsAt } = await cardEdits(room, store, cardId);
    if (!mayRestore(room, p, edits, cardId))
      return fail(
        'forbidden',
        'Only the facilitator and the people who wrote this card can restore it.',
      );
    if (room.lockedFor(p, cardId, card.section)) return fail('locked');
    if (room.stepClosedFor(p, card.section)) return fail('stepClosed', STEP_CLOSED_CARD);
    const want = charsAt(seq);
    if (!want) return fail('unknownVersion');
    const built = restoreUpdate(room, cardId, chars, new Set(want), p.id);
    if (!built) return { ok: true };
    const at = new Date().toISOString();
    const stored = await room.acceptOnBehalf(p, built.update, built.owners);
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
