/**
 * Runs once when a room loads: a board whose cards still hold the old hand-made order keys
 * gets `fractional-indexing` keys in one server write (clientID 0) that changes only
 * `order`, stored before anyone is served, so no card changes colour or place.
 */
import { setOrderKeys } from '../../lib/board/doc';
import { planOrderKeyMigration } from '../../lib/board/orderKeyMigration';
import { loadMigration } from './loadMigration';

/** Migrate a doc's order keys if needed (the room stores the update). */
export const migrateOrderKeys = loadMigration(planOrderKeyMigration, setOrderKeys);
