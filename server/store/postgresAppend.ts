/**
 * The append path on Postgres (issue 12): each accepted update, or server write with its card
 * event, is one transaction that locks the workshop's row, takes the next seq from the
 * database (never a process cache, so several instances could share it), checks clientID
 * bindings and writes every row, or nothing.
 */
import type { Transaction } from 'kysely';
import { BindingConflictError } from './bindingConflict';
import { lockWorkshopRow, readLastSeq } from './kyselyStore';
import type { AppendInput, ServerWriteInput } from './Store';
import type { Database } from './schema';

type Trx = Transaction<Database>;

/** Lock the workshop's row for this transaction and return its next seq. */
export async function nextSeq(trx: Trx, workshopId: string): Promise<number> {
  await lockWorkshopRow(trx, workshopId);
  // Two statements, not one: a statement that waited for the lock still reads with the
  // snapshot it started with, so a max(seq) in it would miss the append it waited for.
  return (await readLastSeq(trx, workshopId)) + 1;
}

/** Write one update with its bindings, attributions and created cards; returns its seq. */
export async function appendInTransaction(trx: Trx, input: AppendInput): Promise<number> {
  const w = input.workshopId;
  const who = input.participantId;
  const seq = await nextSeq(trx, w);
  for (const b of input.bindings) {
    const owner = await trx
      .selectFrom('client_bindings')
      .select('participant_id')
      .where('workshop_id', '=', w)
      .where('client_id', '=', b.clientId)
      .executeTakeFirst();
    if (owner && owner.participant_id !== b.participantId)
      throw new BindingConflictError(w, b.clientId);
    if (!owner)
      await trx
        .insertInto('client_bindings')
        .values({
          workshop_id: w,
          client_id: b.clientId,
          participant_id: b.participantId,
          identifiable: b.identifiable ? 1 : 0,
        })
        .execute();
  }
  await insertUpdate(trx, w, seq, input.data, who);
  if (input.attributions.length > 0)
    await trx
      .insertInto('attributions')
      .values(
        input.attributions.map((a) => ({
          workshop_id: w,
          seq,
          participant_id: who,
          card_id: a.cardId,
          field: a.field ?? 'text',
          inserted: a.inserted,
          deleted: a.deleted,
        })),
      )
      .execute();
  if (input.createdCards.length > 0)
    await trx
      .insertInto('card_creators')
      .values(input.createdCards.map((c) => ({ workshop_id: w, card_id: c, participant_id: who })))
      .onConflict((oc) => oc.columns(['workshop_id', 'card_id']).doNothing())
      .execute();
  return seq;
}

/** Write one server update and its card event; returns the update's seq. */
export async function serverWriteInTransaction(trx: Trx, input: ServerWriteInput): Promise<number> {
  const seq = await nextSeq(trx, input.workshopId);
  await insertUpdate(trx, input.workshopId, seq, input.data, null);
  const e = input.event;
  await trx
    .insertInto('card_events')
    .values({
      workshop_id: e.workshopId,
      card_id: e.cardId,
      participant_id: e.participantId,
      action: e.action,
      at: e.at,
      identifiable: e.identifiable ? 1 : 0,
    })
    .execute();
  return seq;
}

async function insertUpdate(
  trx: Trx,
  workshopId: string,
  seq: number,
  data: Uint8Array,
  participantId: string | null,
): Promise<void> {
  await trx
    .insertInto('updates')
    .values({
      workshop_id: workshopId,
      seq,
      data,
      participant_id: participantId,
      created_at: new Date().toISOString(),
    })
    .execute();
}
