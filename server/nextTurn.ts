/**
 * Let the event loop run before going on. With SQLite every store call resolves at once, so
 * a long job made of many of them (gathering a summary, keeping history before compaction)
 * runs as one block and holds every room's edits unless it takes turns.
 */
export const nextTurn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));
