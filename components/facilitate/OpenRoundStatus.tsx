'use client';
/**
 * The open round as the facilitator sees it: its settings, who has voted so far (numbers per
 * group only, while results are hidden), a later closing time, and "Close voting now".
 */
import type { RoundView } from '../../lib/voting/types';
import { ResultsTurnout } from '../vote/ResultsTurnout';
import { dateInWords, dotsWord, sectionTitle } from '../vote/voteText';
import type { Workshop } from '../workshop/useWorkshop';
import { CloseRoundButton } from './CloseRoundButton';
import { DeadlineForm } from './DeadlineForm';

/** Props of `OpenRoundStatus`. */
export interface OpenRoundStatusProps {
  round: RoundView;
  workshopId: string;
  live: Workshop;
}

/** The controls for the round that is open now. */
export function OpenRoundStatus({ round, workshopId, live }: OpenRoundStatusProps) {
  const turnout = live.voting.results.get(round.id)?.turnout ?? live.voting.turnout.get(round.id);
  return (
    <div data-testid="open-round" data-round-id={round.id} className="space-y-2">
      <p className="font-semibold">Voting is open on {sectionTitle(round.section)}.</p>
      <p>
        {round.deadline
          ? `It closes on ${dateInWords(round.deadline)}.`
          : 'It has no closing time. It stays open until you close it.'}
      </p>
      <p>
        Each person has {dotsWord(round.budget)}, and can put up to {dotsWord(round.perCardCap)} on
        one card.{' '}
        {round.resultsVisibility === 'hidden'
          ? 'No one sees the results until voting closes.'
          : 'Everyone can see the results while voting is open.'}{' '}
        Cards are marked “Seen differently” when the groups’ shares differ by{' '}
        {round.divergencePoints} points or more.
      </p>
      <p>
        A card added to {sectionTitle(round.section)} now is not part of this vote until you choose
        “Add this card to the vote” on it.
      </p>
      <p>
        <a href={`/w/${workshopId}/vote`} className="font-semibold">
          Open the vote page
        </a>
      </p>
      <h4 className="font-bold">Who has voted so far</h4>
      {turnout ? <ResultsTurnout turnout={turnout} /> : <p>No one has voted yet.</p>}
      <DeadlineForm
        label="Change the closing time"
        hint="You can give people more time."
        buttonLabel="Save the closing time"
        current={round.deadline}
        optional={false}
        onSubmit={(deadline) => live.extendRound(round.id, deadline!)}
      />
      <CloseRoundButton close={() => live.closeRound(round.id)} />
    </div>
  );
}
