'use client';
/**
 * What cards and sections need to know of live facilitation (issue 11): what is locked,
 * what the agenda's step opens, whether you may still write to it (facilitators), and the
 * facilitator's card actions.
 */
import { createContext, useContext } from 'react';
import type { StepRules } from '../../lib/facilitation/agenda';
import type { CallEvent } from '../workshop/useWorkshop';

/** Locks and card actions for the board's cards and sections. */
export interface FacilitationContextValue {
  lockedCards: ReadonlySet<string>;
  lockedSections: ReadonlySet<string>;
  /** True for facilitators: locks do not stop them. */
  bypass: boolean;
  /** Facilitators only: the control channel, for "Bring everyone here" and locking a card. */
  call: CallEvent | null;
  /** What the agenda's current step opens; null while the agenda is not running. */
  step: Pick<StepRules, 'adding' | 'editing'> | null;
}

export const FacilitationContext = createContext<FacilitationContextValue>({
  lockedCards: new Set(),
  lockedSections: new Set(),
  bypass: false,
  call: null,
  step: null,
});

/** Whether a card (or its section) is locked, and whether that makes it read-only for you. */
export function useLock(
  cardId: string | null,
  section: string,
): { locked: boolean; readOnly: boolean } {
  const f = useContext(FacilitationContext);
  const locked = f.lockedSections.has(section) || (cardId !== null && f.lockedCards.has(cardId));
  return { locked, readOnly: locked && !f.bypass };
}

/** The facilitation context. */
export function useFacilitationContext(): FacilitationContextValue {
  return useContext(FacilitationContext);
}
