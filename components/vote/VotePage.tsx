'use client';
/**
 * The phone-first vote page at `/w/<id>/vote`. Light on purpose: only the control socket
 * (useWorkshop), the vote list and the results; no Yjs and no board.
 */
import { can } from '../../lib/roles';
import type { BoardPageData } from '../../server/facade';
import { LiveAnnouncer } from '../ui/LiveAnnouncer';
import { useWorkshop } from '../workshop/useWorkshop';
import { RoundsList } from './RoundsList';
import { RoundVote } from './RoundVote';
import { useAnnouncement } from './useAnnouncement';
import { roundHref, useHashRound } from './useHashRound';
import { useNoticeAnnouncement } from './useNoticeAnnouncement';
import { VoteNotices } from './VoteNotices';
import { currentRound } from './votingState';

/** The vote page's client part. */
export function VotePage({ data }: { data: BoardPageData }) {
  const { workshop, me } = data;
  const live = useWorkshop(workshop.id);
  const [announcement, announce] = useAnnouncement();
  const hashRound = useHashRound();
  const rounds = live.voting.rounds;
  const round = rounds?.find((r) => r.id === hashRound) ?? currentRound(rounds);
  useNoticeAnnouncement(live.voting.notice, announce);
  const observer = me.capability === 'observer';
  const mayVote = can(me.capability, 'ballot:cast') && me.group !== null;
  return (
    <div className="mx-auto max-w-2xl space-y-5 px-3 py-6" data-connected={live.connected}>
      <p>
        <a href={`/w/${workshop.id}`} className="font-semibold">
          Back to the board
        </a>
      </p>
      <header>
        <h1 className="font-extrabold text-3xl">Vote</h1>
        <p className="text-lg">{workshop.title}</p>
      </header>
      <VoteNotices
        ended={live.ended}
        offline={!live.connected && live.voting.rounds !== null}
        notice={live.voting.notice?.message ?? null}
      />
      {live.ended === null &&
        (live.voting.rounds === null ? (
          <p className="font-semibold text-lg" data-testid="vote-loading">
            Loading the vote…
          </p>
        ) : round === null ? (
          <p className="font-semibold text-lg" data-testid="no-round">
            There is no vote open right now. When the facilitator opens one, it will show here.
          </p>
        ) : (
          <>
            {rounds && rounds.length > 1 && (
              <RoundsList
                rounds={rounds}
                hrefFor={(id) => roundHref(id)}
                selectedId={round.id}
                headingId="rounds-heading"
              />
            )}
            <div id={`round-${round.id}`} tabIndex={-1} className="focus:outline-none">
              <RoundVote
                key={round.id}
                round={round}
                live={live}
                mayVote={mayVote}
                observer={observer}
                announce={announce}
              />
            </div>
          </>
        ))}
      <LiveAnnouncer message={announcement} testId="vote-announcer" />
    </div>
  );
}
