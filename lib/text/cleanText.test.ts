import { describe, expect, it } from 'vitest';
import { createWorkshopSchema, joinSchema } from '../forms';
import { cleanText } from './cleanText';

describe('cleanText', () => {
  it('normalises to NFC', () => {
    expect(cleanText('Zoe\u0301')).toBe('Zoé');
    expect(cleanText('Zoe\u0301')).toHaveLength(3);
  });

  it('strips bidi overrides, isolates and marks, so "evil" cannot display as "live"', () => {
    expect(cleanText('\u202Elive\u202C')).toBe('live');
    expect(cleanText('a\u2066b\u2069c\u200Fd\u061C')).toBe('abcd');
  });

  it('turns an invisible-only value into nothing', () => {
    for (const v of ['\u200B', '\u200B\u200C\u200D', '\uFEFF ', '\u3164', '\u2800', ' \u00AD\t'])
      expect(cleanText(v)).toBe('');
  });

  it('keeps joiners inside real text (emoji, Persian), and right-to-left scripts', () => {
    expect(cleanText('👩\u200D👩\u200D👧')).toBe('👩\u200D👩\u200D👧');
    expect(cleanText('می\u200Cخواهم')).toBe('می\u200Cخواهم');
    expect(cleanText('שלום')).toBe('שלום');
  });

  it('removes control characters; single-line values lose line breaks, multi-line keep them', () => {
    expect(cleanText('a\u0007b\r\nc')).toBe('ab c');
    expect(cleanText('a\r\nb\n\nc', { multiline: true })).toBe('a\nb\n\nc');
  });
});

describe('forms use cleanText', () => {
  it('refuses a name made only of zero-width spaces with the usual message', () => {
    const r = joinSchema.safeParse({ name: '\u200B\u200B', anonymous: false });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/Please type a name/);
  });

  it('cleans titles, questions and access needs', () => {
    const r = createWorkshopSchema.parse({
      title: ' \u202Eevil\u202C ',
      question: 'Why\u200F?',
      facilitatorName: 'Fay',
      facilitatorGroup: 'system',
      anonymous: false,
    });
    expect(r.title).toBe('evil');
    expect(r.question).toBe('Why?');
    const j = joinSchema.parse({ name: 'Sam', anonymous: false, accessNeeds: '\u200B' });
    expect(j.accessNeeds).toBeUndefined();
  });
});
