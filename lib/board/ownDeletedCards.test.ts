import { describe, expect, it } from 'vitest';
import { type CardDeleteEvent, lastDeleterOf, ownDeletedCards } from './ownDeletedCards';

const e = (cardId: string, participantId: string, action: 'delete' | 'restore', at: string) =>
  ({ cardId, participantId, action, at }) satisfies CardDeleteEvent;

describe('ownDeletedCards', () => {
  const events = [
    e('a', 'pat', 'delete', '1'),
    e('b', 'bo', 'delete', '2'),
    e('c', 'pat', 'delete', '3'),
    e('c', 'fay', 'restore', '4'),
    e('c', 'fay', 'delete', '5'),
    e('d', 'pat', 'delete', '6'),
    e('d', 'pat', 'restore', '7'),
  ];

  it('[I34] lists only cards whose latest event is a deletion by this person', () => {
    expect(ownDeletedCards(events, 'pat')).toEqual([{ cardId: 'a', deletedAt: '1' }]);
    expect(ownDeletedCards(events, 'bo')).toEqual([{ cardId: 'b', deletedAt: '2' }]);
    expect(ownDeletedCards(events, 'nobody')).toEqual([]);
  });

  it('finds who deleted a card last', () => {
    expect(lastDeleterOf(events, 'c')).toBe('fay');
    expect(lastDeleterOf(events, 'd')).toBe('pat');
    expect(lastDeleterOf(events, 'z')).toBeNull();
  });
});
