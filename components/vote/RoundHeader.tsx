/** The round's question, section, deadline (a date in words, not a countdown) and who sees results when. */
import type { RoundView } from '../../lib/voting/types';
import { dateInWords, dotsWord, roundQuestion, sectionTitle } from './voteText';

function closingSentence(round: RoundView): string {
  if (round.status === 'closed') return 'Voting has closed.';
  if (!round.deadline) return 'Voting is open until the facilitator closes it.';
  return `Voting is open until ${dateInWords(round.deadline)}.`;
}

/** The top of a round on the vote page. */
export function RoundHeader({ round }: { round: RoundView }) {
  return (
    <section aria-labelledby="round-question" className="space-y-1">
      <h2 id="round-question" className="font-bold text-2xl">
        {roundQuestion(round.section)}
      </h2>
      <p>
        You are voting on the cards in <strong>{sectionTitle(round.section)}</strong>.
      </p>
      <p className="font-semibold" data-testid="round-status">
        {closingSentence(round)}
      </p>
      {round.status === 'open' && (
        <p>
          Everyone has {dotsWord(round.budget)}.{' '}
          {round.resultsVisibility === 'hidden'
            ? 'No one sees the results until voting closes.'
            : 'Everyone can see the results while voting is open.'}
        </p>
      )}
    </section>
  );
}
