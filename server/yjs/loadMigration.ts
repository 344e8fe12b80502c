/**
 * The one mechanism for migrations that run when a room loads (order keys, I71 records):
 * when `plan` finds work, `apply` writes it as ONE server write under clientID 0, which is
 * stored before anyone is served. Loading applied stored client-0 items as a remote change,
 * after which Yjs picks a new random clientID for the doc; the migration is the server's,
 * so it writes under 0.
 */
import type * as Y from 'yjs';
import type { Store } from '../store/Store';
import { SERVER_CLIENT_ID } from './inspectUpdate';

/** Run one load-time migration; returns the stored update's seq, or null when none was needed. */
export async function runLoadMigration<P>(
  doc: Y.Doc,
  store: Store,
  workshopId: string,
  plan: (doc: Y.Doc) => P | null,
  apply: (doc: Y.Doc, plan: P, origin: unknown) => void,
): Promise<number | null> {
  const work = plan(doc);
  if (!work) return null;
  let update: Uint8Array | null = null;
  const capture = (u: Uint8Array) => {
    update = u;
  };
  doc.clientID = SERVER_CLIENT_ID;
  doc.once('update', capture);
  apply(doc, work, 'server');
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
