import { describe, expect, it, vi } from 'vitest';
import type { CardAgreement } from '../../lib/protocol/events';
import { AgreementStore } from './AgreementStore';

const agreement = (cardId: string): CardAgreement => ({
  cardId,
  endorsements: [],
  driftedBy: null,
});

describe('AgreementStore', () => {
  it('tells only the cards whose agreement changed', () => {
    const store = new AgreementStore();
    const a = agreement('a');
    store.set(new Map([['a', a]]));
    const onA = vi.fn();
    const onB = vi.fn();
    store.subscribe('a', onA);
    const stopB = store.subscribe('b', onB);
    store.set(
      new Map([
        ['a', a],
        ['b', agreement('b')],
      ]),
    );
    expect(onA).not.toHaveBeenCalled();
    expect(onB).toHaveBeenCalledTimes(1);
    stopB();
    store.set(new Map([['a', agreement('a')]]));
    expect(onA).toHaveBeenCalledTimes(1);
    expect(onB).toHaveBeenCalledTimes(1);
  });
});
