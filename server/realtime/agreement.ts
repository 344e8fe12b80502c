/**
 * Agreement (endorsement) state of a card, computed by the server from its records
 * (DESIGN §3). A card is agreed when someone from each group endorsed the same text; if
 * the text changed since and every change came from one group, that group "drifted" it.
 * Drift comes from the server's attribution log, never from the CRDT's delete sets.
 *
 * Records (issue 9, I70): the hash covers every field a participant writes (`recordHash`;
 * a plain card's is its text's, as before), so an indicator is ADOPTED when someone from
 * each group endorsed its current wording and fields, and drift reads every field's
 * attribution since then, a plain value replaced counting as a change by its writer.
 */
import { readRecord, recordHash } from '../../lib/board/records';
import { textFieldsOf } from '../../lib/board/schema';
import type { CardAgreement } from '../../lib/protocol/events';
import type { Group } from '../../lib/roles';
import type { EndorsementRow, Store } from '../store/Store';
import type { Room } from '../yjs/room';

/** Agreement state before it is shaped for one viewer. */
export interface AgreementState {
  cardId: string;
  rows: { row: EndorsementRow; group: Group }[];
  driftedBy: Group | null;
}

/** The latest text both groups endorsed, and the seq from which both had. */
export function agreedPoint(rows: AgreementState['rows']): { hash: string; seq: number } | null {
  const first = new Map<string, Partial<Record<Group, number>>>();
  for (const { row, group } of rows) {
    const seen = first.get(row.textHash) ?? {};
    seen[group] = Math.min(seen[group] ?? Number.POSITIVE_INFINITY, row.seq);
    first.set(row.textHash, seen);
  }
  let best: { hash: string; seq: number } | null = null;
  for (const [hash, seen] of first) {
    if (seen.people === undefined || seen.system === undefined) continue;
    const seq = Math.max(seen.people, seen.system);
    if (!best || seq > best.seq) best = { hash, seq };
  }
  return best;
}

/** Compute a card's agreement state from the room's endorsements and the attribution log. */
export async function agreementOf(
  room: Room,
  store: Store,
  cardId: string,
): Promise<AgreementState> {
  const rows: AgreementState['rows'] = [];
  for (const row of room.endorsements.get(cardId) ?? []) {
    const group = room.participants.get(row.participantId)?.group;
    if (group) rows.push({ row, group });
  }
  const agreed = agreedPoint(rows);
  const card = readRecord(room.doc, cardId);
  if (!agreed || !card || recordHash(card) === agreed.hash)
    return { cardId, rows, driftedBy: null };
  const changes = await store.attributionsForCard(room.workshopId, cardId, agreed.seq);
  const texts = new Set(textFieldsOf(card.kind));
  const groups = new Set<Group>();
  for (const c of changes) {
    // A text row of 0/0 made the record; a plain value row of 0/0 changed it.
    if (c.inserted === 0 && c.deleted === 0 && texts.has(c.field)) continue;
    const g = c.participantId ? room.participants.get(c.participantId)?.group : undefined;
    if (g) groups.add(g);
  }
  const only = groups.size === 1 ? [...groups][0] : undefined;
  return { cardId, rows, driftedBy: only ?? null };
}

/** Shape an agreement state for one viewer: counts per group and text, and their own. */
export function agreementFor(state: AgreementState, viewerId: string): CardAgreement {
  const byKey = new Map<string, CardAgreement['endorsements'][number]>();
  for (const { row, group } of state.rows) {
    const key = `${group}|${row.textHash}`;
    const entry = byKey.get(key) ?? { group, textHash: row.textHash, count: 0, you: false };
    entry.count++;
    if (row.participantId === viewerId) entry.you = true;
    byKey.set(key, entry);
  }
  return { cardId: state.cardId, endorsements: [...byKey.values()], driftedBy: state.driftedBy };
}
