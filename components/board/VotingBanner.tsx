/**
 * "Voting is open" on the board, with the closing date, your dots left and a link to the
 * vote page; or, once the latest vote has closed, a link to its results.
 */
import { RoundsList } from '../vote/RoundsList';
import { roundHref } from '../vote/useHashRound';
import { dateInWords, dotsLeftSentence, sectionTitle } from '../vote/voteText';
import { currentRound, type VotingState } from '../vote/votingState';

/** Props of `VotingBanner`. */
export interface VotingBannerProps {
  workshopId: string;
  voting: VotingState;
  /** False for observers: they can look but not vote. */
  canVote: boolean;
  /** Why the agenda's current step keeps voting closed for you (issue 11), or null. */
  stepClosed?: string | null;
}

/** Nothing when there has never been a vote. */
export function VotingBanner({
  workshopId,
  voting,
  canVote,
  stepClosed = null,
}: VotingBannerProps) {
  const round = currentRound(voting.rounds);
  if (!round) return null;
  const base = `/w/${workshopId}/vote`;
  const href = roundHref(round.id, base);
  const all =
    voting.rounds && voting.rounds.length > 1 ? (
      <div className="mt-3">
        <RoundsList
          rounds={voting.rounds}
          hrefFor={(id) => roundHref(id, base)}
          headingId="board-rounds-heading"
          level={3}
        />
      </div>
    ) : null;
  if (round.status === 'closed') {
    return (
      <section
        aria-labelledby="voting-banner-heading"
        className="rounded-lg border-4 border-joint-edge p-4 dark:border-joint-fill"
        data-testid="voting-banner"
      >
        <h2 id="voting-banner-heading" className="font-bold text-xl">
          Voting has closed
        </h2>
        <p>
          <a href={href} className="font-semibold">
            See the results of the vote on {sectionTitle(round.section)}
          </a>
        </p>
        {all}
      </section>
    );
  }
  const mine = voting.mine.get(round.id);
  return (
    <section
      aria-labelledby="voting-banner-heading"
      className="rounded-lg border-4 border-joint-edge bg-joint-fill p-4 text-ink"
      data-testid="voting-banner"
    >
      <h2 id="voting-banner-heading" className="font-bold text-xl">
        {stepClosed ? 'A vote is ready' : 'Voting is open'}
      </h2>
      {stepClosed && (
        <p className="font-semibold" data-testid="voting-closed-by-step">
          {stepClosed}
        </p>
      )}
      <p>
        Vote for the {sectionTitle(round.section).toLowerCase()} that matter most to you.
        {round.deadline ? ` Voting closes on ${dateInWords(round.deadline)}.` : ''}
      </p>
      {canVote && (
        <p className="font-semibold">
          {dotsLeftSentence(mine?.dotsLeft ?? round.budget, round.budget)}
        </p>
      )}
      <p className="mt-2">
        <a href={href} className="inline-flex min-h-11 items-center font-bold text-ink text-lg">
          {canVote && !stepClosed ? 'Go to the vote' : 'See the vote'}
        </a>
      </p>
      {all}
    </section>
  );
}
