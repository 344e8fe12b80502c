'use client';
/** The facilitator's voting tools: the open round (or a form to open one) and past rounds. */
import type { Workshop } from '../workshop/useWorkshop';
import { OpenRoundForm } from './OpenRoundForm';
import { OpenRoundStatus } from './OpenRoundStatus';
import { RoundHistoryItem } from './RoundHistoryItem';

/** Props of `VotingControls`. */
export interface VotingControlsProps {
  workshopId: string;
  live: Workshop;
}

/** The "Voting" part of the facilitator panel. */
export function VotingControls({ workshopId, live }: VotingControlsProps) {
  const rounds = live.voting.rounds;
  const open = rounds?.find((r) => r.status === 'open') ?? null;
  const past = rounds?.filter((r) => r.status === 'closed') ?? [];
  return (
    <section aria-labelledby="voting-heading" className="space-y-3" data-testid="voting-controls">
      <h3 id="voting-heading" className="font-bold text-lg">
        Voting
      </h3>
      {rounds === null ? (
        <p>Loading the votes…</p>
      ) : open ? (
        <OpenRoundStatus round={open} workshopId={workshopId} live={live} />
      ) : (
        <OpenRoundForm openRound={live.openRound} />
      )}
      {past.length > 0 && (
        <>
          <h4 className="font-bold">Past votes</h4>
          <ul className="divide-y-2 divide-neutral-400">
            {past.map((round) => (
              <RoundHistoryItem key={round.id} round={round} live={live} canReopen={!open} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
