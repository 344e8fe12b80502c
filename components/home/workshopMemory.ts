/**
 * "Your workshops": the boards this browser has opened, kept only in this browser's
 * localStorage (nothing is stored on the server for it). Written when you open a board
 * after creating or joining it; read by the home page.
 */

/** One remembered workshop. */
export interface RememberedWorkshop {
  id: string;
  title: string;
  /** When this browser last opened it (ISO time). */
  openedAt: string;
}

const KEY = 'purple:workshops';
const MAX = 50;

function read(storage: Storage): RememberedWorkshop[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (w): w is RememberedWorkshop =>
        typeof w?.id === 'string' &&
        typeof w?.title === 'string' &&
        typeof w?.openedAt === 'string',
    );
  } catch {
    return [];
  }
}

/** The remembered workshops, most recently opened first. */
export function rememberedWorkshops(storage: Storage): RememberedWorkshop[] {
  return read(storage).sort((a, b) => b.openedAt.localeCompare(a.openedAt));
}

/** Remember (or refresh) one workshop. */
export function rememberWorkshop(storage: Storage, id: string, title: string, now = new Date()) {
  const rest = read(storage).filter((w) => w.id !== id);
  const next = [{ id, title, openedAt: now.toISOString() }, ...rest].slice(0, MAX);
  storage.setItem(KEY, JSON.stringify(next));
}

/** Forget one workshop (e.g. it was deleted), or all of them. */
export function forgetWorkshop(storage: Storage, id?: string) {
  if (id === undefined) return storage.removeItem(KEY);
  storage.setItem(KEY, JSON.stringify(read(storage).filter((w) => w.id !== id)));
}
