import { describe, expect, it } from 'vitest';
import { balanceOf } from './balance';

describe('balanceOf', () => {
  it('notes when one group wrote most of a large enough amount', () => {
    const b = balanceOf({ people: 20, system: 80 }, { people: 1, system: 1 }, null, 'since 10:00');
    expect(b.groups.map((g) => g.charShare)).toEqual([20, 80]);
    expect(b.note).toBe(
      'Staff have written 80 % of the text since 10:00. You could invite the other group in.',
    );
  });
  it('stays quiet when the shares are even or the amount is tiny', () => {
    expect(
      balanceOf({ people: 50, system: 50 }, { people: 0, system: 0 }, null, '').note,
    ).toBeNull();
    expect(
      balanceOf({ people: 0, system: 10 }, { people: 0, system: 0 }, null, '').note,
    ).toBeNull();
  });
});
