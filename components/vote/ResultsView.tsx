/**
 * A round's results: turnout, the joint ranking by balanced score, a chart with one bar per
 * group, and a table with the same numbers. No chart library.
 */
import type { RoundResults } from '../../lib/voting/types';
import { RankedList } from './RankedList';
import { ResultsChart } from './ResultsChart';
import { ResultsTable } from './ResultsTable';
import { ResultsTurnout } from './ResultsTurnout';
import { BALANCED_SENTENCE, divergenceRule } from './voteText';

/** Props of `ResultsView`. */
export interface ResultsViewProps {
  results: RoundResults;
  /** Results are live while voting is still open. */
  live: boolean;
  /** Heading level: 2 on the vote page, 3 or 4 inside the facilitator panel. */
  level?: 2 | 3 | 4;
}

/** The results of one round. */
export function ResultsView({ results, live, level = 2 }: ResultsViewProps) {
  const H = `h${level}` as 'h2';
  const Sub = `h${level + 1}` as 'h3';
  const id = `results-${results.roundId}`;
  return (
    <section aria-labelledby={id} className="space-y-4" data-testid="results">
      <H id={id} className="font-bold text-2xl">
        {live ? 'Results so far' : 'Results'}
      </H>
      {live && <p>Voting is still open, so these may change.</p>}
      {results.basis !== 'both' && results.basis !== 'none' && (
        <p className="rounded-md border-l-8 border-joint-edge p-2 font-semibold dark:border-joint-fill">
          {results.basisNote}
        </p>
      )}
      <Sub className="font-bold text-xl">Who voted</Sub>
      <ResultsTurnout turnout={results.turnout} />
      {results.basis === 'none' ? (
        <p className="font-semibold text-lg" data-testid="no-votes">
          {live
            ? 'Nobody has voted yet.'
            : 'Nobody voted in this round, so there is no ranking and no card came first.'}
        </p>
      ) : (
        <>
          <Sub className="font-bold text-xl">Joint ranking</Sub>
          <p>{BALANCED_SENTENCE}</p>
          {results.basis === 'both' && <p>{divergenceRule(results.divergencePoints)}</p>}
          <RankedList cards={results.cards} />
          <Sub className="font-bold text-xl">Each group’s dots</Sub>
          <ResultsChart cards={results.cards} id={id} />
          <ResultsTable cards={results.cards} id={id} />
        </>
      )}
    </section>
  );
}
