/**
 * Runs once when a room loads (issue 9, I71): a version 1 board's Decisions and Quality
 * indicators cards become records (their `kind` and empty text fields) in one server write
 * (clientID 0), stored before anyone is served, like the order key migration. Their words
 * stay where they were, as the proposal or the statement, with their colour and history.
 */
import type * as Y from 'yjs';
import { applyRecordMigration, planRecordMigration } from '../../lib/board/recordMigration';
import type { Store } from '../store/Store';
import { runLoadMigration } from './loadMigration';

/** Migrate `doc` to records if needed; returns the stored update's seq, or null when none was. */
export function migrateRecords(
  doc: Y.Doc,
  store: Store,
  workshopId: string,
): Promise<number | null> {
  return runLoadMigration(doc, store, workshopId, planRecordMigration, applyRecordMigration);
}
