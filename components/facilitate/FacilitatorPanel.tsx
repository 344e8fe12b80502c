'use client';
/** Tools only the facilitator sees: voting rounds, invite links, people and their access needs, deleted cards. */
import type * as Y from 'yjs';
import type { Ack, DeletedCard, InviteView, PersonView } from '../../lib/protocol/events';
import type { WorkshopView } from '../../lib/protocol/peopleEvents';
import type { CallEvent } from '../workshop/useWorkshop';
import { DeletedCards } from './DeletedCards';
import { InviteLinkItem } from './InviteLinkItem';
import { inviteLabels } from './inviteLabels';
import { NewInviteLink } from './NewInviteLink';
import { PeopleList } from './PeopleList';
import { VotingControls, type VotingControlsProps } from './VotingControls';
import { WorkshopSettings } from './WorkshopSettings';

const KIND_ORDER: readonly InviteView['kind'][] = ['people', 'system', 'observer'];

function byKind(a: InviteView, b: InviteView): number {
  return KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
}

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
}: FacilitatorPanelProps) {
  const titles = inviteLabels(invites ?? []);
  return (
    <section
      aria-labelledby="facilitator-heading"
      className="space-y-4 rounded-lg border-4 border-joint-edge p-4 dark:border-joint-fill"
    >
      <h2 id="facilitator-heading" className="font-bold text-xl">
        For the facilitator
      </h2>
      <p>
        <a
          href={`/w/${voting.workshopId}/summary`}
          className="font-semibold text-joint-edge underline dark:text-joint-fill"
        >
          Open the workshop summary and downloads
        </a>
      </p>
      <VotingControls {...voting} />
      <section aria-labelledby="invites-heading">
        <h3 id="invites-heading" className="font-bold text-lg">
          Invite links
        </h3>
        <p>Send each group its own link. Anyone with a link can join as that group.</p>
        {invites && invites.length > 0 ? (
          <ul className="divide-y-2 divide-neutral-400">
            {[...invites].sort(byKind).map((invite) => (
              <InviteLinkItem
                key={invite.id}
                invite={invite}
                title={titles.get(invite.id) ?? ''}
                revokeInvite={revokeInvite}
                capInvite={
                  call && ((inviteId, maxJoins) => call('invite:cap', { inviteId, maxJoins }))
                }
              />
            ))}
          </ul>
        ) : (
          <p>Loading the invite links…</p>
        )}
        {call && <NewInviteLink createInvite={(kind) => call('invite:create', { kind })} />}
      </section>
      <PeopleList
        people={people}
        invites={invites}
        removePerson={call && ((key) => call('person:remove', { key }))}
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
