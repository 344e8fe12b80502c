'use client';
/**
 * A card's line about voting (issue 13): in a section being voted on, says when the card
 * is not part of the open vote (and lets the facilitator add it); after a round closes,
 * and when chosen, shows the card's rank and each group's dots beside it.
 */
import { useState, useSyncExternalStore } from 'react';
import type { Section } from '../../lib/board/sections';
import { Button } from '../ui/Button';
import { GroupBadge } from '../ui/GroupBadge';
import { dotsWord, percent, rankLabel, sectionTitle } from '../vote/voteText';
import { useBoard } from './BoardContext';
import { cardVoteStore } from './cardVoteStore';

/** Props of `CardVoteResult`. */
export interface CardVoteResultProps {
  id: string;
  section: Section;
}

/** Nothing when no vote concerns this card. */
export function CardVoteResult({ id, section }: CardVoteResultProps) {
  const votes = useSyncExternalStore(
    cardVoteStore.subscribe,
    cardVoteStore.get,
    cardVoteStore.getServer,
  );
  const open = votes.open.find((r) => r.section === section);
  const inOpen = open?.candidates.some((c) => c.cardId === id && c.removedAt === null);
  const shown = votes.shown?.round.section === section ? votes.shown : null;
  const result = shown?.results.cards.find((c) => c.cardId === id);
  const outside = open !== undefined && !inOpen;
  if (!outside && !shown) return null;
  return (
    <div className="space-y-2" data-testid="card-vote">
      {outside && <NotInVote roundId={open.id} cardId={id} add={votes.addCardToRound} />}
      {shown && result && (
        <div
          id={`card-result-${id}`}
          tabIndex={-1}
          className="rounded-md border-2 border-ink bg-white p-2 text-ink"
          data-testid="card-result"
        >
          <p className="font-bold">
            Vote result: {rankLabel(result)} of {shown.results.cards.length}
            {result.divergent ? ' · seen differently' : ''}
          </p>
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {(['people', 'system'] as const).map((group) => (
              <li key={group} className="flex items-center gap-1">
                <GroupBadge group={group} />
                <span>
                  {dotsWord(result.dots[group])} ({percent(result.shares[group])})
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {shown && !result && (
        <p className="text-sm">
          This card was not part of the vote on {sectionTitle(shown.round.section)}.
        </p>
      )}
    </div>
  );
}

function NotInVote(props: {
  roundId: string;
  cardId: string;
  add: (roundId: string, cardId: string) => Promise<{ ok: boolean; message?: string }>;
}) {
  const board = useBoard();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="rounded-md border-2 border-ink border-dashed bg-white p-2 text-ink">
      <p className="font-semibold">This card is not part of the vote that is open.</p>
      {board.isFacilitator && board.canWrite && (
        <Button
          small
          variant="secondary"
          aria-disabled={busy || undefined}
          className="mt-1"
          onClick={async () => {
            if (busy) return;
            setBusy(true);
            const ack = await props.add(props.roundId, props.cardId);
            setBusy(false);
            setProblem(ack.ok ? null : (ack.message ?? 'That did not work.'));
          }}
        >
          Add this card to the vote
        </Button>
      )}
      {problem && <p className="font-semibold">{problem}</p>}
    </div>
  );
}
