import { describe, expect, it } from 'vitest';
import { dateInWords, dotsLeftSentence, ordinal, percent, rankLabel, shortText } from './voteText';

describe('voteText', () => {
  it('says how many dots are left', () => {
    expect(dotsLeftSentence(3, 5)).toBe('You have 3 of 5 dots left.');
    expect(dotsLeftSentence(1, 5)).toBe('You have 1 of 5 dots left.');
    expect(dotsLeftSentence(0, 5)).toBe('You have used all 5 dots.');
  });
  it('names ranks, with ties', () => {
    expect(
      ['1', '2', '3', '4', '11', '12', '13', '21', '22', '101'].map((n) => ordinal(+n)),
    ).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st']);
    expect(rankLabel({ rank: 2, tied: true })).toBe('Tied 2nd');
    expect(rankLabel({ rank: 1, tied: false })).toBe('1st');
  });
  it('writes a date in words, without a comma', () => {
    expect(dateInWords(new Date(2031, 2, 14, 17, 0).toISOString())).toBe(
      'Friday 14 March 2031 at 5:00 pm',
    );
  });
  it('rounds shares and shortens long text at a space', () => {
    expect(percent(0.404)).toBe('40%');
    expect(shortText('a '.repeat(80), 20)).toBe('a a a a a a a a a a…');
    expect(shortText('   ')).toBe('an empty card');
  });
});
