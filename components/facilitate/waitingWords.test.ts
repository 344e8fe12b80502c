import { describe, expect, it } from 'vitest';
import { waitingWords } from './waitingWords';

describe('waitingWords', () => {
  it('says how many cards wait per group, in plain words', () => {
    expect(waitingWords(null)).toBe('No private cards waiting yet.');
    expect(waitingWords({ people: 3, system: 1 })).toBe(
      '3 cards waiting from people with lived experience, 1 from staff.',
    );
    expect(waitingWords({ people: 1, system: 0 })).toBe(
      '1 card waiting from people with lived experience.',
    );
    expect(waitingWords({ people: 0, system: 2 })).toBe('2 cards waiting from staff.');
  });
});
