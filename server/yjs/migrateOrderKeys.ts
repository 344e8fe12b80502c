/**
 * Runs once when a room loads: a board whose cards still hold the old hand-made order keys
 * gets `fractional-indexing` keys in one server write (clientID 0) that changes only
 * `order`, stored before anyone is served, so no card changes colour or place.
 */
import type * as Y from 'yjs';
import { setOrderKeys } from '../../lib/board/doc';
import { planOrderKeyMigration } from '../../lib/board/orderKeyMigration';
import type { Store } from '../store/Store';
import { SERVER_CLIENT_ID } from './inspectUpdate';

/** Migrate `doc`'s order keys if needed; returns the stored update's seq, or null when none was needed. */
export async function migrateOrderKeys(
  doc: Y.Doc,
  store: Store,
  workshopId: string,
): Promise<number | null> {
  const plan = planOrderKeyMigration(doc);
  if (!plan) return null;
  let update: Uint8Array | null = null;
  const capture = (u: Uint8Array) => {
    update = u;
  };
  // Loading applied stored client-0 items as a remote change, after which Yjs picks a new
  // random clientID for the doc; the migration is the server's, so it writes under 0.
  doc.clientID = SERVER_CLIENT_ID;
  doc.once('update', capture);
  setOrderKeys(doc, plan, 'server');
  doc.off('update', capture);
  if (!update) return null;
  return store.appendUpdate({
    workshopId,
    data: update,
    participantId: null,
    bindings: [],
    attributions: [],
    createdCards: [],
  });
}
