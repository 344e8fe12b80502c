import { describe, expect, it } from 'vitest';
import { readRoundForm } from '../facilitate/roundForm';
import {
  BALANCED_SENTENCE,
  dateInWords,
  divergenceRule,
  divergenceSentence,
  dotsLeftSentence,
  ordinal,
  percent,
  rankLabel,
  roundName,
  roundState,
  shortText,
  smallGroupSentence,
} from './voteText';

describe('voteText', () => {
  it('says plainly how few of a group can vote or are here', () => {
    expect(smallGroupSentence({ group: 'people', count: 2, basis: 'eligible' })).toBe(
      'Only two people with lived experience can vote.',
    );
    expect(smallGroupSentence({ group: 'system', count: 1, basis: 'eligible' })).toBe(
      'Only one member of staff can vote.',
    );
    expect(smallGroupSentence({ group: 'people', count: 1, basis: 'present' })).toBe(
      'Only one person with lived experience is here now.',
    );
    expect(smallGroupSentence({ group: 'system', count: 2, basis: 'present' })).toBe(
      'Only two staff are here now.',
    );
  });

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
  it('explains the balanced score with an example that adds up', () => {
    expect(BALANCED_SENTENCE).toMatch(/30%.*10%.*balanced score is 20\./);
    expect((0.3 + 0.1) / 2).toBeCloseTo(0.2);
  });
  it('says why a card is seen differently, and the rule, in words', () => {
    expect(divergenceSentence({ shares: { people: 0.15, system: 1 / 3 } })).toBe(
      'Seen differently: people with lived experience gave it 15% of their dots, staff gave it 33%.',
    );
    expect(divergenceRule(15)).toContain('at least 15 percentage points more of its dots');
  });
  it('names rounds and their state for the list of rounds', () => {
    expect(roundName({ section: 'indicators' }, 3)).toBe('Vote 3 on Quality indicators');
    expect(roundState({ status: 'open', closedAt: null, deadline: null })).toBe('open now');
    const at = new Date(2031, 2, 14, 17, 0).toISOString();
    expect(roundState({ status: 'closed', closedAt: at, deadline: null })).toBe(
      'closed on Friday 14 March 2031 at 5:00 pm',
    );
  });
});

describe('the open-a-vote form', () => {
  const form = (divergence?: string) => {
    const f = new FormData();
    f.set('round-budget', '5');
    f.set('round-cap', '3');
    if (divergence !== undefined) f.set('round-divergence', divergence);
    return f;
  };
  it('reads the divergence threshold, defaulting to 15, and explains a bad one', () => {
    expect(readRoundForm(form())).toMatchObject({ ok: true, settings: { divergencePoints: 15 } });
    expect(readRoundForm(form('25'))).toMatchObject({
      ok: true,
      settings: { divergencePoints: 25 },
    });
    expect(readRoundForm(form('2'))).toEqual({
      ok: false,
      errors: { divergencePoints: 'Enter a whole number from 5 to 50.' },
    });
  });
});
