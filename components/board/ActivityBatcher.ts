/**
 * Batches remote board activity into one short sentence every few seconds, for the polite
 * live region (ACCESSIBILITY.md): "2 cards added and 1 card changed by others".
 */

/** What happened to a card. */
export type ActivityKind = 'added' | 'changed' | 'moved' | 'deleted' | 'restored';

/** How long remote activity is gathered before one sentence is announced. */
export const ACTIVITY_WINDOW_MS = 3000;

const ORDER: readonly ActivityKind[] = ['added', 'changed', 'moved', 'deleted', 'restored'];

const VERB: Record<ActivityKind, string> = {
  added: 'added',
  changed: 'changed',
  moved: 'moved',
  deleted: 'removed',
  restored: 'brought back',
};

/** "2 cards added and 1 card changed by others"; empty when nothing happened. */
export function describeActivity(counts: Partial<Record<ActivityKind, number>>): string {
  const parts = ORDER.filter((kind) => (counts[kind] ?? 0) > 0).map((kind) => {
    const n = counts[kind] ?? 0;
    return `${n} ${n === 1 ? 'card' : 'cards'} ${VERB[kind]}`;
  });
  if (parts.length === 0) return '';
  const last = parts.pop() as string;
  const list = parts.length > 0 ? `${parts.join(', ')} and ${last}` : last;
  return `${list} by others`;
}

/** Collects card activity and calls `announce` once per window with one sentence. */
export class ActivityBatcher {
  private readonly cards = new Map<ActivityKind, Set<string>>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly announce: (sentence: string) => void,
    private readonly windowMs = ACTIVITY_WINDOW_MS,
  ) {}

  /** Note that something happened to a card; starts the window if none is open. */
  record(kind: ActivityKind, cardId: string): void {
    let set = this.cards.get(kind);
    if (!set) {
      set = new Set();
      this.cards.set(kind, set);
    }
    set.add(cardId);
    this.timer ??= setTimeout(() => this.flush(), this.windowMs);
  }

  /** Announce what was gathered (a card added and then edited counts once, as added). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const added = this.cards.get('added') ?? new Set<string>();
    const deleted = this.cards.get('deleted') ?? new Set<string>();
    const counts: Partial<Record<ActivityKind, number>> = {};
    for (const kind of ORDER) {
      const ids = [...(this.cards.get(kind) ?? [])];
      const kept =
        kind === 'changed' || kind === 'moved'
          ? ids.filter((id) => !added.has(id) && !deleted.has(id))
          : ids;
      counts[kind] = kept.length;
    }
    this.cards.clear();
    const sentence = describeActivity(counts);
    if (sentence) this.announce(sentence);
  }

  /** Stop without announcing. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.cards.clear();
  }
}
