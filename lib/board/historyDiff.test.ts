import { describe, expect, it } from 'vitest';
import { diffSummary, historyDiff } from './historyDiff';

describe('historyDiff (issue 13)', () => {
  it('marks added and removed words between two versions', () => {
    const parts = historyDiff('Buses stop at 6pm', 'Buses stop at 10pm');
    expect(parts.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'removed', text: '6pm' },
      { kind: 'added', text: '10pm' },
    ]);
    expect(parts.map((p) => (p.kind === 'removed' ? '' : p.text)).join('')).toBe(
      'Buses stop at 10pm',
    );
  });

  it('says in words how much changed', () => {
    expect(diffSummary(historyDiff('', 'Buses stop at 6pm'))).toBe('Added 4 words.');
    expect(diffSummary(historyDiff('Buses stop at 6pm', 'Buses'))).toBe('Removed 3 words.');
    expect(diffSummary(historyDiff('a b', 'a c d'))).toBe('Added 2 words, removed 1 word.');
    expect(diffSummary(historyDiff('same', 'same'))).toBe('No words changed.');
  });
});
