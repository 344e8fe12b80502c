/**
 * The transaction origin of every write this browser makes to the board. Observers compare
 * against it to tell this person's own edits from remote ones (which arrive with the
 * provider as origin).
 */
export const LOCAL_ORIGIN = Symbol('purple.local-edit');
