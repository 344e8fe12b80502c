'use client';
/**
 * The live board: a compact, findable view of four sections of co-written cards (a jump
 * list, a filter and a search, collapsible sections), with save state, presence, balance,
 * the colour rule, the personal link, the cards you deleted and (for facilitators) invite
 * links and their tools in a side panel that stays in view on wide screens.
 */
import { useEffect, useMemo, useState } from 'react';
import { SECTIONS } from '../../lib/board/sections';
import { stepRules, votingClosedMessage } from '../../lib/facilitation/agenda';
import type { BoardPageData } from '../../server/facade';
import { FacilitationContext } from '../facilitate/FacilitationContext';
import { FacilitationTools } from '../facilitate/FacilitationTools';
import { FacilitatorPanel } from '../facilitate/FacilitatorPanel';
import { FocusBanner } from '../facilitate/FocusBanner';
import { HandControl } from '../facilitate/HandControl';
import { InviteLinks, nobodyInvitedYet } from '../facilitate/InviteLinks';
import { PrivateWritingBanner } from '../facilitate/PrivateWritingBanner';
import { StepBanner } from '../facilitate/StepBanner';
import { TimerBar } from '../facilitate/TimerBar';
import { useFacilitation } from '../facilitate/useFacilitation';
import { RememberWorkshop } from '../home/RememberWorkshop';
import { NO_RECORDS } from '../records/fate';
import { LinksIndex } from '../records/LinksIndex';
import { RecordsContext } from '../records/RecordsContext';
import { StillOpen } from '../records/StillOpen';
import { useRecords } from '../records/useRecords';
import { LiveAnnouncer } from '../ui/LiveAnnouncer';
import { joinAttach } from '../workshop/joinAttach';
import { MyDetails } from '../workshop/MyDetails';
import { PresenceList } from '../workshop/PresenceList';
import type { CallEvent } from '../workshop/useWorkshop';
import { useWorkshop } from '../workshop/useWorkshop';
import { BalanceStrip } from './BalanceStrip';
import { BoardContext, RosterVersionContext } from './BoardContext';
import { BoardNotices } from './BoardNotices';
import { BoardSection } from './BoardSection';
import { BoardTools } from './BoardTools';
import { BoardTopBar } from './BoardTopBar';
import { BoardVote } from './BoardVote';
import { CardNotices } from './CardNotices';
import { ColourRuleDisclosure } from './ColourRuleDisclosure';
import type { CardFilter } from './cardFilter';
import { DraftContext } from './DraftContext';
import { ErrorLine } from './ErrorLine';
import { OwnDeletedCards } from './OwnDeletedCards';
import { SaveStatus } from './SaveStatus';
import { SectionJumpList } from './SectionJumpList';
import { UndoDelete } from './UndoDelete';
import { useAnnouncer } from './useAnnouncer';
import { useBoardDoc } from './useBoardDoc';
import { useBoardServices } from './useBoardServices';
import { useConnectionAnnouncement } from './useConnectionAnnouncement';
import { useLiveStatus } from './useLiveStatus';
import { usePrivateDraft } from './usePrivateDraft';
import { useRemoteActivity } from './useRemoteActivity';
import { useSectionIds } from './useSectionIds';
import { useVisibleIds } from './useVisibleIds';
import { VotingBanner } from './VotingBanner';

/** Props of `Board`: what the page loaded, and whether the person has just joined. */
export interface BoardProps {
  data: BoardPageData;
  justJoined: boolean;
}

const count = (ids: Record<string, readonly string[]>) =>
  Object.values(ids).reduce((n, list) => n + list.length, 0);

/** The board page's client part. */
export function Board({ data, justJoined }: BoardProps) {
  const { workshop, me } = data;
  const board = useBoardDoc(workshop.id);
  const facilitation = useFacilitation();
  const records = useRecords();
  const attach = useMemo(
    () => joinAttach(facilitation.attach, records.attach),
    [facilitation.attach, records.attach],
  );
  const live = useWorkshop(workshop.id, data.invites, attach);
  const ended = board.closedMessage ?? live.ended;
  const capability = facilitation.capability ?? me.capability;
  const isFacilitator = capability === 'facilitator';
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
  const [links, setLinks] = useState<LinksIndex | null>(null);
  useEffect(() => {
    const index = new LinksIndex(board.doc);
    setLinks(index);
    return () => index.destroy();
  }, [board.doc]);
  const recordsContext = useMemo(
    () => ({
      view: records.view ?? NO_RECORDS,
      links,
      call: canWrite ? (live.call as CallEvent) : null,
    }),
    [records.view, links, canWrite, live.call],
  );
  const [filter, setFilter] = useState<CardFilter>({ kind: 'all', query: '' });
  const shown = useVisibleIds(ids, filter, services, board.rosterVersion, live.agreements);
  const [announcement, announce] = useAnnouncer();
  useRemoteActivity(board.doc, ready, services.ownActions, announce);
  const status = useLiveStatus(board.status, live.connected);
  useConnectionAnnouncement(status, ready, ended !== null, announce);
  const info = live.info ?? {
    title: workshop.title,
    question: workshop.question,
    closedAt: workshop.closedAt ?? null,
  };
  const invitesOnTop = isFacilitator && ended === null && nobodyInvitedYet(live.invites);
  const privateWriting = facilitation.view?.privateWriting ?? null;
  const draft = usePrivateDraft(
    privateWriting,
    {
      workshopId: workshop.id,
      participantId: me.participantId,
      canWrite,
      hasGroup: me.group !== null,
    },
    board.doc,
  );
  const locks = facilitation.view?.locks;
  const agenda = facilitation.view?.agenda;
  const facilitationContext = useMemo(
    () => ({
      lockedCards: new Set(locks?.cards ?? []),
      lockedSections: new Set(locks?.sections ?? []),
      bypass: isFacilitator,
      call: isFacilitator ? live.call : null,
      step: agenda ? stepRules(agenda) : null,
    }),
    [locks, agenda, isFacilitator, live.call],
  );
  // Facilitators too: a vote is fair only if it opens for everyone at once (I54).
  const votingClosed = agenda ? votingClosedMessage(agenda) : null;

  return (
    <BoardContext.Provider value={services}>
      <FacilitationContext.Provider value={facilitationContext}>
        <DraftContext.Provider value={draft.context}>
          <RosterVersionContext.Provider value={board.rosterVersion}>
            <div className="frame space-y-3 py-4 sm:py-6" data-ready={ready ? 'true' : 'false'}>
              <header className="space-y-1">
                <h1 className="font-extrabold text-2xl sm:text-3xl">{info.title}</h1>
                {info.question && <p className="max-w-prose text-lg">{info.question}</p>}
              </header>
              {invitesOnTop && (
                <InviteLinks
                  invites={live.invites}
                  revokeInvite={live.revokeInvite}
                  call={live.call}
                  prominent
                />
              )}
              {ended === null && <StepBanner view={facilitation.view} announce={announce} />}
              <SectionJumpList ids={ids} />
              <BoardNotices ended={ended} observer={me.capability === 'observer'} />
              <CardNotices
                notices={live.cardNotices}
                dismiss={live.dismissCardNotice}
                announce={announce}
              />
              {ended === null && (
                <SaveStatus status={status} ready={ready} saved={board.saved} canWrite={canWrite} />
              )}
              <BoardTopBar
                inviteLink={isFacilitator && ended === null && !invitesOnTop}
                personalUrl={ended === null ? me.personalUrl : null}
                justJoined={justJoined}
              />
              {ended === null && (
                <TimerBar
                  view={facilitation.view}
                  skewMs={facilitation.skewMs}
                  announce={announce}
                />
              )}
              {ended === null && <FocusBanner view={facilitation.view} announce={announce} />}
              {ended === null && (
                <PrivateWritingBanner
                  state={facilitation.view ? privateWriting : undefined}
                  waiting={facilitation.waiting}
                  writes={draft.writes}
                  announce={announce}
                />
              )}
              {draft.closedMessage && <ErrorLine message={draft.closedMessage} />}
              {facilitation.capability && (
                <p role="status" className="rounded border-2 border-joint-edge p-2 font-semibold">
                  {facilitation.capability === 'facilitator'
                    ? 'A facilitator made you a co-facilitator. Reload the page to see every facilitator tool.'
                    : 'You are no longer a co-facilitator.'}
                </p>
              )}
              <VotingBanner
                workshopId={workshop.id}
                voting={live.voting}
                canVote={canWrite}
                stepClosed={votingClosed}
              />
              <BoardVote
                live={live}
                mayVote={canWrite && me.group !== null}
                votingClosed={votingClosed}
                announce={announce}
              />
              <RememberWorkshop id={workshop.id} title={info.title} gone={ended !== null} />
              <RecordsContext.Provider value={recordsContext}>
                <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
                  <div className="min-w-0 space-y-3">
                    <BoardTools
                      filter={filter}
                      onChange={setFilter}
                      shown={count(shown)}
                      total={count(ids)}
                    />
                    {ready ? (
                      SECTIONS.map((section) => (
                        <BoardSection
                          key={section}
                          section={section}
                          ids={ids[section]}
                          shown={shown[section]}
                        />
                      ))
                    ) : (
                      <p className="font-semibold text-lg">Loading the board…</p>
                    )}
                  </div>
                  <aside
                    aria-label="About this board"
                    className="min-w-0 space-y-4 lg:sticky lg:top-2 lg:max-h-[calc(100vh-1rem)] lg:overflow-y-auto lg:pr-1"
                  >
                    {/* "You said, we did" (issue 9): this person's cards and what became of each,
                      offered once the board has a decision, an indicator or a closure to show. */}
                    {(ids.decisions.length > 0 ||
                      ids.indicators.length > 0 ||
                      recordsContext.view.closures.length > 0) && (
                      <a
                        href={`/w/${workshop.id}/impact`}
                        className="flex min-h-11 items-center rounded-md border-2 border-joint-edge px-3 font-semibold dark:border-joint-fill"
                      >
                        What happened to my ideas
                      </a>
                    )}
                    <ColourRuleDisclosure />
                    {ended === null && <PresenceList people={live.presence} />}
                    {ended === null && (
                      <MyDetails
                        rotateLink={() => live.call('me:rotateLink', {})}
                        eraseMe={() => live.call('me:erase', {})}
                        erased={false}
                      />
                    )}
                    {ended === null && (
                      <HandControl view={facilitation.view} call={live.call} announce={announce} />
                    )}
                    {ready && ended === null && !isFacilitator && (
                      <OwnDeletedCards cards={live.mine} announce={announce} />
                    )}
                    <BalanceStrip
                      doc={board.doc}
                      groupOf={services.groupOf}
                      agreements={live.agreements}
                      rosterVersion={board.rosterVersion}
                    />
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
                        invitesOnTop={invitesOnTop}
                        stillOpen={<StillOpen doc={board.doc} priorityIds={ids.priorities} />}
                        tools={
                          <FacilitationTools
                            facilitation={facilitation}
                            call={live.call}
                            announce={announce}
                          />
                        }
                        restoreCard={(cardId) => {
                          services.ownActions.add(cardId);
                          return live.restoreCard(cardId);
                        }}
                      />
                    )}
                  </aside>
                </div>
              </RecordsContext.Provider>
              <UndoDelete announce={announce} />
              <LiveAnnouncer message={announcement} testId="board-announcer" />
            </div>
          </RosterVersionContext.Provider>
        </DraftContext.Provider>
      </FacilitationContext.Provider>
    </BoardContext.Provider>
  );
}
