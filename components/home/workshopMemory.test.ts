import { describe, expect, it } from 'vitest';
import { forgetWorkshop, rememberedWorkshops, rememberWorkshop } from './workshopMemory';

/** A Storage held in memory, with the same methods the browser's has. */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}

describe('Your workshops (this browser only)', () => {
  it('remembers workshops, most recent first, one entry each, with the newest title', () => {
    const s = memoryStorage();
    rememberWorkshop(s, 'a', 'First', new Date('2026-01-01'));
    rememberWorkshop(s, 'b', 'Second', new Date('2026-01-02'));
    rememberWorkshop(s, 'a', 'First, renamed', new Date('2026-01-03'));
    expect(rememberedWorkshops(s).map((w) => [w.id, w.title])).toEqual([
      ['a', 'First, renamed'],
      ['b', 'Second'],
    ]);
    forgetWorkshop(s, 'a');
    expect(rememberedWorkshops(s).map((w) => w.id)).toEqual(['b']);
    forgetWorkshop(s);
    expect(rememberedWorkshops(s)).toEqual([]);
  });

  it('ignores what it cannot read', () => {
    const s = memoryStorage();
    s.setItem('purple:workshops', '{not json');
    expect(rememberedWorkshops(s)).toEqual([]);
    s.setItem(
      'purple:workshops',
      JSON.stringify([{ id: 1 }, { id: 'x', title: 'X', openedAt: 'y' }]),
    );
    expect(rememberedWorkshops(s).map((w) => w.id)).toEqual(['x']);
  });
});
