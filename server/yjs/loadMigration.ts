/**
 * The one mechanism for migrations that run when a room loads (order keys, I71 records):
 * when `plan` finds work, `apply` writes it as ONE server write under clientID 0, which is
 * stored before anyone is served. Loading applied stored client-0 items as a remote change,
 * after which Yjs picks a new random clientID for the doc; the migration is the server's,
 * so it writes under 0.
 *
 * The room stores the update: on one instance straight away; on several, through the
 * ordered path (I86), planning only after it applied what other instances stored, so a
 * board two instances load at once, or one loads while another writes, is migrated once.
 */
import type * as Y from 'yjs';
import type { AppendInput } from '../store/Store';
import { SERVER_CLIENT_ID } from './inspectUpdate';

/** A load-time migration: makes its change to `doc` and returns the update, or null when none was needed. */
export type LoadMigration = (doc: Y.Doc) => Uint8Array | null;

/** A load-time migration from its plan (null: nothing to do) and the change it makes. */
export function loadMigration<P>(
  plan: (doc: Y.Doc) => P | null,
  apply: (doc: Y.Doc, plan: P, origin: unknown) => void,
): LoadMigration {
  return (doc) => {
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
    return update;
  };
}

/** What a load migration stores: the server's update, with no author, binding or new card. */
export function migrationInput(workshopId: string, data: Uint8Array): AppendInput {
  return {
    workshopId,
    data,
    participantId: null,
    bindings: [],
    attributions: [],
    createdCards: [],
  };
}
