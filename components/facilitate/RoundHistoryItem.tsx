'use client';
/** One closed round in the history: when it ran, its results, and "Open this vote again". */
import { useState } from 'react';
import type { RoundView } from '../../lib/voting/types';
import { Button } from '../ui/Button';
import { ResultsView } from '../vote/ResultsView';
import { dateInWords, sectionTitle } from '../vote/voteText';
import type { Workshop } from '../workshop/useWorkshop';
import { DeadlineForm } from './DeadlineForm';

/** Props of `RoundHistoryItem`. */
export interface RoundHistoryItemProps {
  round: RoundView;
  live: Workshop;
  /** False while another round is open. */
  canReopen: boolean;
}

/** A past round as a list item. */
export function RoundHistoryItem({ round, live, canReopen }: RoundHistoryItemProps) {
  const [reopening, setReopening] = useState(false);
  const results = live.voting.results.get(round.id);
  const closed = round.closedAt ?? round.deadline;
  return (
    <li className="space-y-2 py-3" data-round-id={round.id}>
      <p className="font-semibold">Vote on {sectionTitle(round.section)}</p>
      <p className="text-sm">
        Opened {dateInWords(round.openedAt)}.{closed && ` Closed ${dateInWords(closed)}.`}
      </p>
      {results ? (
        <details>
          <summary className="min-h-11 cursor-pointer py-2 font-semibold">See the results</summary>
          <ResultsView results={results} live={false} level={4} />
        </details>
      ) : (
        <p>The results are on their way.</p>
      )}
      {canReopen && !reopening && (
        <Button small variant="secondary" onClick={() => setReopening(true)}>
          Open this vote again
        </Button>
      )}
      {canReopen && reopening && (
        <DeadlineForm
          label="New closing time (you can leave this empty)"
          buttonLabel="Open this vote again"
          current={null}
          optional
          onSubmit={(deadline) => live.reopenRound(round.id, deadline)}
          onDone={() => setReopening(false)}
        />
      )}
    </li>
  );
}
