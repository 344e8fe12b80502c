/**
 * Card history in SQL (issue 13), written against Kysely so every adapter shares it.
 * History is not a second copy of the text: it is the id ranges each update inserted and
 * deleted, read from the stored update itself, or, once compaction has dropped the
 * update, from the `card_history` row `keepHistory` wrote before it did.
 */
import type { Kysely } from 'kysely';
import { historyRanges, type UpdateRanges } from '../../lib/board/historyRanges';
import { nextTurn } from '../nextTurn';
import type { HistorySource, RevertRow } from './Store';
import type { Database } from './schema';

type Db = Kysely<Database>;

/** The ranges, time and author of these seqs, from stored updates or kept history. */
export async function historySources(
  db: Db,
  workshopId: string,
  seqs: number[],
): Promise<HistorySource[]> {
  const out = new Map<number, HistorySource>();
  // A long-edited card names many seqs; stay well inside SQLite's bound-parameter limit.
  for (let i = 0; i < seqs.length; i += CHUNK)
    await readSources(db, workshopId, seqs.slice(i, i + CHUNK), out);
  return [...out.values()].sort((a, b) => a.seq - b.seq);
}

const CHUNK = 500;

async function readSources(
  db: Db,
  workshopId: string,
  seqs: number[],
  out: Map<number, HistorySource>,
): Promise<void> {
  const kept = await db
    .selectFrom('card_history')
    .selectAll()
    .where('workshop_id', '=', workshopId)
    .where('seq', 'in', seqs)
    .execute();
  for (const r of kept) {
    const ranges = JSON.parse(r.ranges) as UpdateRanges;
    out.set(Number(r.seq), {
      seq: Number(r.seq),
      at: r.at,
      participantId: r.participant_id,
      ranges,
    });
  }
  const live = await db
    .selectFrom('updates')
    .select(['seq', 'data', 'participant_id', 'created_at'])
    .where('workshop_id', '=', workshopId)
    .where('seq', 'in', seqs)
    .execute();
  for (const u of live) {
    const seq = Number(u.seq);
    if (out.has(seq)) continue;
    out.set(seq, {
      seq,
      at: u.created_at,
      participantId: u.participant_id,
      ranges: historyRanges(u.data),
    });
  }
}

/** Updates decoded and kept per step of `keepHistory`; the event loop runs between steps. */
const KEEP_STEP = 50;

/**
 * Before compaction drops updates up to `uptoSeq`: keep the ranges of each one that
 * touched a card's text (has an attribution record). Safe to repeat. Done in steps of
 * `KEEP_STEP` updates with a turn of the event loop between them: decoding 500 updates on
 * a board of 2,000 cards held every room's edits for 80 ms on SQLite (measured), the 200 ms
 * p99 spike in bench section 9.1's fourth run.
 */
export async function keepHistory(db: Db, workshopId: string, uptoSeq: number): Promise<void> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('updates')
      .select(['seq', 'data', 'participant_id', 'created_at'])
      .where('workshop_id', '=', workshopId)
      .where('seq', '>', after)
      .where('seq', '<=', uptoSeq)
      .where('seq', 'in', (q) =>
        q.selectFrom('attributions').select('seq').where('workshop_id', '=', workshopId),
      )
      .orderBy('seq')
      .limit(KEEP_STEP)
      .execute();
    const last = rows.at(-1);
    if (!last) return;
    await db
      .insertInto('card_history')
      .values(
        rows.map((u) => ({
          workshop_id: workshopId,
          seq: u.seq,
          participant_id: u.participant_id,
          at: u.created_at,
          ranges: JSON.stringify(historyRanges(u.data)),
        })),
      )
      .onConflict((oc) => oc.columns(['workshop_id', 'seq']).doNothing())
      .execute();
    if (rows.length < KEEP_STEP) return;
    after = last.seq;
    await nextTurn();
  }
}

/** Record that update `seq` restored card `cardId` to how it was after `toSeq`. */
export async function recordRevert(db: Db, r: RevertRow): Promise<void> {
  await db
    .insertInto('card_reverts')
    .values({
      workshop_id: r.workshopId,
      seq: r.seq,
      card_id: r.cardId,
      participant_id: r.participantId,
      to_seq: r.toSeq,
      at: r.at,
    })
    .execute();
}

/** Restores of one card, oldest first. */
export async function listReverts(
  db: Db,
  workshopId: string,
  cardId: string,
): Promise<RevertRow[]> {
  const rows = await db
    .selectFrom('card_reverts')
    .selectAll()
    .where('workshop_id', '=', workshopId)
    .where('card_id', '=', cardId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    workshopId: r.workshop_id,
    seq: Number(r.seq),
    cardId: r.card_id,
    participantId: r.participant_id,
    toSeq: Number(r.to_seq),
    at: r.at,
  }));
}
