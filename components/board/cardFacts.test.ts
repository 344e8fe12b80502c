import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { textHash } from '../../lib/board/textHash';
import type { Group } from '../../lib/roles';
import { agreementSentence, cardFacts, sharesSentence } from './cardFacts';

function textBy(parts: [number, string][]): Y.Text {
  const main = new Y.Doc();
  for (const [clientId, words] of parts) {
    const peer = new Y.Doc();
    peer.clientID = clientId;
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(main));
    const t = peer.getText('t');
    t.insert(t.length, words);
    Y.applyUpdate(main, Y.encodeStateAsUpdate(peer));
  }
  return main.getText('t');
}

const groups: Record<number, Group> = { 1: 'people', 2: 'system' };
const groupOf = (id: number) => groups[id];

describe('cardFacts', () => {
  it('colours by shares and says them in words', () => {
    const text = textBy([
      [1, 'aaaa'],
      [2, 'b'],
    ]);
    const facts = cardFacts(text, groupOf, 'people', undefined);
    expect(facts.colour).toBe('joint');
    expect(sharesSentence(facts)).toBe('Lived experience wrote 80%, staff 20%.');
  });

  it('never guesses a colour for text from an unknown writer', () => {
    const text = textBy([[9, 'hello']]);
    const facts = cardFacts(text, groupOf, undefined, undefined);
    expect(facts.colour).toBeNull();
    expect(sharesSentence(facts)).toBe('We are still checking who wrote this.');
  });

  it('is joint by agreement only while the text is the one agreed', () => {
    const text = textBy([[2, 'staff words']]);
    const hash = textHash('staff words');
    const agreement = {
      cardId: 'c',
      endorsements: [
        { group: 'people' as const, textHash: hash, count: 1, you: true },
        { group: 'system' as const, textHash: hash, count: 1, you: false },
      ],
      driftedBy: null,
    };
    const facts = cardFacts(text, groupOf, 'system', agreement);
    expect(facts.colour).toBe('joint');
    expect(facts.reason).toBe('endorsed');
    expect(facts.youAgreed).toBe(true);
    const stale = { ...agreement, driftedBy: 'system' as const };
    const changed = textBy([[2, 'staff words, changed']]);
    const after = cardFacts(changed, groupOf, 'system', stale);
    expect(after.colour).toBe('system');
    expect(after.driftedBy).toBe('system');
  });
});

describe('agreementSentence', () => {
  it('names who is still missing', () => {
    expect(agreementSentence(new Set(['system']))).toBe(
      'Agreed by staff only — waiting for someone with lived experience.',
    );
    expect(agreementSentence(new Set(['people', 'system']))).toBe(
      'Agreed by lived experience and staff.',
    );
  });
});
