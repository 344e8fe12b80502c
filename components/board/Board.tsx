'use client';
/**
 * The live board: four sections of co-written cards, with save state, presence, balance,
 * the colour rule, the personal link and (for facilitators) invite links and deleted cards.
 */
import { useEffect, useState } from 'react';
import { SECTIONS } from '../../lib/board/sections';
import type { BoardPageData } from '../../server/facade';
import { FacilitatorPanel } from '../facilitate/FacilitatorPanel';
import { RememberWorkshop } from '../home/RememberWorkshop';
import { LiveAnnouncer } from '../ui/LiveAnnouncer';
import { MyDetails } from '../workshop/MyDetails';
import { PersonalLink } from '../workshop/PersonalLink';
import { PresenceList } from '../workshop/PresenceList';
import { useWorkshop } from '../workshop/useWorkshop';
import { BalanceStrip } from './BalanceStrip';
import { BoardContext, RosterVersionContext } from './BoardContext';
import { BoardNotices } from './BoardNotices';
import { BoardSection } from './BoardSection';
import { BoardVote } from './BoardVote';
import { CardNotices } from './CardNotices';
import { ColourRuleDisclosure } from './ColourRuleDisclosure';
import { SaveStatus } from './SaveStatus';
import { UndoDelete } from './UndoDelete';
import { useAnnouncer } from './useAnnouncer';
import { useBalance } from './useBalance';
import { useBoardDoc } from './useBoardDoc';
import { useBoardServices } from './useBoardServices';
import { useConnectionAnnouncement } from './useConnectionAnnouncement';
import { useLiveStatus } from './useLiveStatus';
import { useRemoteActivity } from './useRemoteActivity';
import { useSectionIds } from './useSectionIds';
import { VotingBanner } from './VotingBanner';

/** Props of `Board`: what the page loaded, and whether the person has just joined. */
export interface BoardProps {
  data: BoardPageData;
  justJoined: boolean;
}

/** The board page's client part. */
export function Board({ data, justJoined }: BoardProps) {
  const { workshop, me } = data;
  const board = useBoardDoc(workshop.id);
  const live = useWorkshop(workshop.id, data.invites);
  const ended = board.closedMessage ?? live.ended;
  const isFacilitator = me.capability === 'facilitator';
  const canWrite = me.capability !== 'observer' && ended === null;
  const services = useBoardServices(board, live, {
    group: me.group,
    participantId: me.participantId,
    isFacilitator,
    canWrite,
  });
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (board.synced) setReady(true);
  }, [board.synced]);
  const ids = useSectionIds(board.doc);
  const [announcement, announce] = useAnnouncer();
  useRemoteActivity(board.doc, ready, services.ownActions, announce);
  const status = useLiveStatus(board.status, live.connected);
  useConnectionAnnouncement(status, ready, ended !== null, announce);
  const balance = useBalance(board.doc, services.groupOf, live.agreements, board.rosterVersion);
  const info = live.info ?? {
    title: workshop.title,
    question: workshop.question,
    closedAt: workshop.closedAt ?? null,
  };

  return (
    <BoardContext.Provider value={services}>
      <RosterVersionContext.Provider value={board.rosterVersion}>
        <div
          className="mx-auto max-w-[100rem] space-y-4 px-3 py-6 sm:px-6"
          data-ready={ready ? 'true' : 'false'}
        >
          <header className="space-y-2">
            <h1 className="font-extrabold text-3xl">{info.title}</h1>
            {info.question && <p className="max-w-prose text-lg">{info.question}</p>}
          </header>
          <BoardNotices ended={ended} observer={me.capability === 'observer'} />
          <CardNotices
            notices={live.cardNotices}
            dismiss={live.dismissCardNotice}
            announce={announce}
          />
          {ended === null && (
            <SaveStatus status={status} ready={ready} saved={board.saved} canWrite={canWrite} />
          )}
          <VotingBanner workshopId={workshop.id} voting={live.voting} canVote={canWrite} />
          <BoardVote live={live} mayVote={canWrite && me.group !== null} announce={announce} />
          <ColourRuleDisclosure />
          {ended === null && <PersonalLink url={me.personalUrl} justJoined={justJoined} />}
          {ended === null && (
            <MyDetails
              rotateLink={() => live.call('me:rotateLink', {})}
              eraseMe={() => live.call('me:erase', {})}
              erased={false}
            />
          )}
          <RememberWorkshop id={workshop.id} title={info.title} gone={ended !== null} />
          <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
            <div className="min-w-0 space-y-6">
              {ready ? (
                SECTIONS.map((section) => (
                  <BoardSection key={section} section={section} ids={ids[section]} />
                ))
              ) : (
                <p className="font-semibold text-lg">Loading the board…</p>
              )}
            </div>
            <aside aria-label="About this board" className="min-w-0 space-y-6">
              {ended === null && <PresenceList people={live.presence} />}
              <BalanceStrip balance={balance} />
              {isFacilitator && (
                <FacilitatorPanel
                  doc={board.doc}
                  invites={live.invites}
                  deleted={live.deleted}
                  people={live.people}
                  revokeInvite={live.revokeInvite}
                  voting={{ workshopId: workshop.id, live }}
                  call={live.call}
                  workshop={info}
                  restoreCard={(cardId) => {
                    services.ownActions.add(cardId);
                    return live.restoreCard(cardId);
                  }}
                />
              )}
            </aside>
          </div>
          <UndoDelete announce={announce} />
          <LiveAnnouncer message={announcement} testId="board-announcer" />
        </div>
      </RosterVersionContext.Provider>
    </BoardContext.Provider>
  );
}
