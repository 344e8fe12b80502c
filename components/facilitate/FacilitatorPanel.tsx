'use client';
/** Tools only the facilitator sees: voting rounds, invite links (once someone has joined), people and their access needs, deleted cards. */
import type * as Y from 'yjs';
import type { Ack, DeletedCard, InviteView, PersonView } from '../../lib/protocol/events';
import { DeletedCards } from './DeletedCards';
import { InviteLinks } from './InviteLinks';
import { PeopleList } from './PeopleList';
import { VotingControls, type VotingControlsProps } from './VotingControls';

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
  /** True while the invite links are shown first on the board instead of here. */
  invitesOnTop: boolean;
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
  invitesOnTop,
}: FacilitatorPanelProps) {
  return (
    <section
      aria-labelledby="facilitator-heading"
      className="space-y-4 rounded-lg border-4 border-joint-edge p-4 dark:border-joint-fill"
    >
      <h2 id="facilitator-heading" className="font-bold text-xl">
        For the facilitator
      </h2>
      {!invitesOnTop && <InviteLinks invites={invites} revokeInvite={revokeInvite} />}
      <VotingControls {...voting} />
      <PeopleList people={people} />
      <DeletedCards doc={doc} deleted={deleted} restoreCard={restoreCard} />
    </section>
  );
}
