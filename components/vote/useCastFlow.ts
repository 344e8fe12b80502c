'use client';
/**
 * Adding and taking off dots on the vote page: checks the limits first (so a tap at a
 * limit explains itself), sends one change at a time per card, and says what happened in
 * plain words, both beside the card and in the polite live region.
 */
import { useCallback, useState } from 'react';
import { REASON_INFO } from '../../lib/protocol/reasons';
import type { Candidate, RoundView } from '../../lib/voting/types';
import type { CastAck, CastRequest } from './castWithRetry';
import { dotsWord, shortText } from './voteText';
import { dotsOn, type MyBallots } from './votingState';

/** The last thing that happened to a card, shown under it. */
export interface CardMessage {
  cardId: string;
  text: string;
  ok: boolean;
}

/** What the vote list needs to add and take off dots. */
export interface CastFlow {
  pending: ReadonlySet<string>;
  message: CardMessage | null;
  change(card: Candidate, delta: 1 | -1): Promise<void>;
}

function leftSentence(left: number): string {
  return left === 0 ? 'You have no dots left.' : `You have ${dotsWord(left)} left.`;
}

/** Why this change cannot be made now, before asking the server; null when it can. */
export function limitProblem(
  round: RoundView,
  mine: MyBallots | undefined,
  card: Candidate,
  delta: 1 | -1,
): string | null {
  if (round.status !== 'open') return REASON_INFO.roundClosed.message;
  const dots = dotsOn(mine, card.cardId);
  const left = mine?.dotsLeft ?? round.budget;
  if (delta < 0) return dots === 0 ? 'You have no dots on this card to take off.' : null;
  if (dots >= round.perCardCap) return REASON_INFO.overCap.message;
  if (left <= 0) return REASON_INFO.overBudget.message;
  return null;
}

/** The cast flow for one round. */
export function useCastFlow(
  round: RoundView,
  mine: MyBallots | undefined,
  cast: (request: CastRequest) => Promise<CastAck>,
  announce: (message: string) => void,
): CastFlow {
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<CardMessage | null>(null);

  const say = useCallback(
    (cardId: string, text: string, ok: boolean) => {
      setMessage({ cardId, text, ok });
      announce(text);
    },
    [announce],
  );

  const change = useCallback(
    async (card: Candidate, delta: 1 | -1) => {
      if (pending.has(card.cardId)) return;
      const name = `“${shortText(card.text)}”`;
      const problem = limitProblem(round, mine, card, delta);
      if (problem) return say(card.cardId, problem, false);
      setPending((p) => new Set(p).add(card.cardId));
      const dots = dotsOn(mine, card.cardId) + delta;
      const ack = await cast({ roundId: round.id, cardId: card.cardId, dots });
      setPending((p) => {
        const next = new Set(p);
        next.delete(card.cardId);
        return next;
      });
      if (ack.ok) {
        const what = delta > 0 ? `Your dot on ${name} was counted.` : `You took a dot off ${name}.`;
        say(card.cardId, `${what} ${leftSentence(ack.dotsLeft)}`, true);
      } else {
        const what =
          delta > 0
            ? `Your dot on ${name} was not counted.`
            : `Your dot on ${name} was not taken off.`;
        say(card.cardId, `${what} ${ack.message}`, false);
      }
    },
    [pending, round, mine, cast, say],
  );

  return { pending, message, change };
}
