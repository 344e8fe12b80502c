/**
 * A readable word-level difference between two versions of a card (issue 13), from the
 * well-kept `diff` package: runs of text that stayed, were added, or were removed.
 */
import { diffWords } from 'diff';

/** One run of a difference. */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** The word-level difference from `before` to `after`. */
export function historyDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((c) => ({
    kind: c.added ? 'added' : c.removed ? 'removed' : 'same',
    text: c.value,
  }));
}

/** "Added 3 words, removed 5 words." style summary of a difference, in plain words. */
export function diffSummary(parts: DiffPart[]): string {
  const words = (kind: DiffPart['kind']) =>
    parts
      .filter((p) => p.kind === kind)
      .reduce((n, p) => n + (p.text.trim() ? p.text.trim().split(/\s+/).length : 0), 0);
  const added = words('added');
  const removed = words('removed');
  const plural = (n: number) => `${n} word${n === 1 ? '' : 's'}`;
  if (added === 0 && removed === 0) return 'No words changed.';
  if (removed === 0) return `Added ${plural(added)}.`;
  if (added === 0) return `Removed ${plural(removed)}.`;
  return `Added ${plural(added)}, removed ${plural(removed)}.`;
}
