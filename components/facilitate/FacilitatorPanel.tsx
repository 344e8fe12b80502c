'use client';
/** Tools only the facilitator sees: voting rounds, invite links (once someone has joined), people and their access needs, deleted cards. */
import type { ReactNode } from 'react';
import type * as Y from 'yjs';
import type { Ack, DeletedCard, InviteView, PersonView } from '../../lib/protocol/events';
import type { WorkshopView } from '../../lib/protocol/peopleEvents';
import type { CallEvent } from '../workshop/useWorkshop';
import { DeletedCards } from './DeletedCards';
import { InviteLinks } from './InviteLinks';
import { PeopleList } from './PeopleList';
import { VotingControls, type VotingControlsProps } from './VotingControls';
import { WorkshopSettings } from './WorkshopSettings';

/** Props of `FacilitatorPanel`. */
export interface FacilitatorPanelProps {
  doc: Y.Doc;
  invites: readonly InviteView[] | null;
  deleted: readonly DeletedCard[];
  /** Who has joined and their access needs (null until the server sends them). */
  people: readonly PersonView[] | null;
  revokeInvite(inviteId: string): Promise<Ack>;
  restoreCard(cardId: string): Promise<Ack>;
  /** The workshop and its control channel, for the voting controls. */
  voting: VotingControlsProps;
  /** The control channel, for people, links and the workshop itself. */
  call?: CallEvent;
  /** The workshop's title, question and closed state, for editing. */
  workshop?: WorkshopView;
  /** True while the invite links are shown first on the board instead of here. */
  invitesOnTop: boolean;
  /** Live facilitation: timer, hands, locks, balance and attendance (issue 11). */
  tools?: ReactNode;
  /** "Still open": priorities nobody has answered yet (issue 9). */
  stillOpen?: ReactNode;
}

/** The facilitator panel. */
export function FacilitatorPanel({
  doc,
  invites,
  deleted,
  people,
  revokeInvite,
  restoreCard,
  voting,
  call,
  workshop,
  invitesOnTop,
  tools,
  stillOpen,
}: FacilitatorPanelProps) {
  return (
    <section
      aria-labelledby="facilitator-heading"
      className="space-y-4 rounded-lg border-4 border-joint-edge p-4 dark:border-joint-fill"
    >
      <h2 id="facilitator-heading" className="font-bold text-xl">
        For the facilitator
      </h2>
      {!invitesOnTop && <InviteLinks invites={invites} revokeInvite={revokeInvite} call={call} />}
      <p>
        <a
          href={`/w/${voting.workshopId}/summary`}
          className="font-semibold text-joint-edge underline dark:text-joint-fill"
        >
          Open the workshop summary and downloads
        </a>
      </p>
      {tools}
      {stillOpen}
      <VotingControls {...voting} />
      <PeopleList
        people={people}
        invites={invites}
        removePerson={call && ((key) => call('person:remove', { key }))}
        setCoFacilitator={call && ((key, on) => call('cofacilitator:set', { key, on }))}
        erasePerson={call && ((key) => call('person:erase', { key }))}
      />
      {call && workshop && (
        <WorkshopSettings
          workshop={workshop}
          editWorkshop={(title, question) => call('workshop:edit', { title, question })}
          closeWorkshop={(closed) => call('workshop:close', { closed })}
          deleteWorkshop={() => call('workshop:delete', { confirm: true })}
        />
      )}
      <DeletedCards doc={doc} deleted={deleted} restoreCard={restoreCard} />
    </section>
  );
}
