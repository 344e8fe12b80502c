import { describe, expect, it } from 'vitest';
import type { Group } from '../../lib/roles';
import { adoptionWords } from './adoption';

describe('adoptionWords', () => {
  it('names who adopted it and who it waits for', () => {
    const words = (...groups: Group[]) => adoptionWords(new Set(groups));
    expect(words()).toBe('Not adopted yet');
    expect(words('people')).toBe('Waiting for staff');
    expect(words('system')).toBe('Waiting for people with lived experience');
    expect(words('people', 'system')).toBe('Adopted by both groups');
  });
});
