/**
 * Runs once when a room loads (issue 9, I71): a version 1 board's Decisions and Quality
 * indicators cards become records (their `kind` and empty text fields) in one server write
 * (clientID 0), stored before anyone is served, like the order key migration. Their words
 * stay where they were, as the proposal or the statement, with their colour and history.
 */
import { applyRecordMigration, planRecordMigration } from '../../lib/board/recordMigration';
import { loadMigration } from './loadMigration';

/** Migrate a doc to records if needed (the room stores the update). */
export const migrateRecords = loadMigration(planRecordMigration, applyRecordMigration);
