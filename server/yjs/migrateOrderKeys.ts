/**
 * Runs once when a room loads: a board whose cards still hold the old hand-made order keys
 * gets `fractional-indexing` keys in one server write (clientID 0) that changes only
 * `order`, stored before anyone is served, so no card changes colour or place.
 */
import type * as Y from 'yjs';
import { setOrderKeys } from '../../lib/board/doc';
import { planOrderKeyMigration } from '../../lib/board/orderKeyMigration';
import type { Store } from '../store/Store';
import { runLoadMigration } from './loadMigration';

/** Migrate `doc`'s order keys if needed; returns the stored update's seq, or null when none was needed. */
export function migrateOrderKeys(
  doc: Y.Doc,
  store: Store,
  workshopId: string,
): Promise<number | null> {
  return runLoadMigration(doc, store, workshopId, planOrderKeyMigration, setOrderKeys);
}
