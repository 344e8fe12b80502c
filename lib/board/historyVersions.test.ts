import { describe, expect, it } from 'vitest';
import { historyAuthor } from './historyAuthor';
import { type CardEdit, GAP_MS, historyVersions } from './historyVersions';

const T = Date.parse('2026-12-01T10:00:00Z');
const edit = (
  seq: number,
  by: string | null,
  ms: number,
  text: string,
  restoredFrom: number | null = null,
): CardEdit => ({
  seq,
  participantId: by,
  at: new Date(T + ms).toISOString(),
  text,
  restoredFrom,
});

describe('historyVersions (issue 13)', () => {
  it('merges one person’s run of edits and keeps each run’s last text', () => {
    const versions = historyVersions([
      edit(1, 'priya', 0, 'B'),
      edit(2, 'priya', 1000, 'Bu'),
      edit(3, 'alex', 2000, 'Bus'),
      edit(4, 'priya', 3000, 'Buses'),
      edit(5, 'priya', 3000 + GAP_MS, 'Buses!'),
    ]);
    expect(versions.map((v) => [v.seq, v.text])).toEqual([
      [2, 'Bu'],
      [3, 'Bus'],
      [4, 'Buses'],
      [5, 'Buses!'],
    ]);
  });

  it('keeps a restore as its own version and drops edits that changed nothing', () => {
    const versions = historyVersions([
      edit(1, 'priya', 0, 'Buses'),
      edit(2, 'alex', 1000, 'Buses'),
      edit(3, 'priya', 2000, 'Buses', 1),
    ]);
    expect(versions.map((v) => [v.seq, v.restoredFrom])).toEqual([
      [1, null],
      [3, 1],
    ]);
  });
});

describe('historyAuthor (issue 13, I12, I26)', () => {
  const alex = {
    id: 'a',
    name: 'Alex',
    anonymous: false,
    group: 'system' as const,
    capability: 'contributor' as const,
  };
  const sizes = (system: number) => ({ people: 3, system });
  it('names people only in groups of three or more, and never anonymous people', () => {
    expect(historyAuthor(alex, 'v', true, sizes(3))).toBe('Alex (Staff)');
    expect(historyAuthor(alex, 'v', true, sizes(2))).toBe('A participant (Staff)');
    expect(historyAuthor({ ...alex, anonymous: true }, 'v', true, sizes(9))).toBe(
      'A participant (Staff)',
    );
    expect(historyAuthor(alex, 'a', false, sizes(1))).toBe('You');
    expect(historyAuthor(undefined, 'v', true, sizes(9))).toBe('Someone');
  });
  it('[I26] keeps a change hidden that was made while the group was too small', () => {
    expect(historyAuthor(alex, 'v', false, sizes(5))).toBe('A participant (Staff)');
  });
});
