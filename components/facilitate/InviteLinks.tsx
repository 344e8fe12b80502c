'use client';
/** The facilitator's invite links, one per group and one for observers, in a fixed order. */
import type { Ack, InviteView } from '../../lib/protocol/events';
import type { CallEvent } from '../workshop/useWorkshop';
import { InviteLinkItem } from './InviteLinkItem';
import { inviteLabels } from './inviteLabels';
import { NewInviteLink } from './NewInviteLink';

const KIND_ORDER: readonly InviteView['kind'][] = ['people', 'system', 'observer'];

function byKind(a: InviteView, b: InviteView): number {
  return KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
}

/** The id of the invite links' section, where the short "Invite" control leads. */
export const INVITES_ID = 'invite-people';

/** True until someone has joined through an invite link: the board then shows "Invite people" first. */
export function nobodyInvitedYet(invites: readonly InviteView[] | null): boolean {
  if (!invites) return false;
  return invites.every((invite) => invite.joined === 0);
}

/** Props of `InviteLinks`. */
export interface InviteLinksProps {
  invites: readonly InviteView[] | null;
  revokeInvite(inviteId: string): Promise<Ack>;
  /** The control channel, to limit a link and to make new ones. */
  call?: CallEvent;
  /** "Invite people" as the first thing on a new board; smaller in the side panel. */
  prominent?: boolean;
}

/** "Invite people": the links to send to each group. */
export function InviteLinks({ invites, revokeInvite, call, prominent = false }: InviteLinksProps) {
  const titles = inviteLabels(invites ?? []);
  const Heading = prominent ? 'h2' : 'h3';
  return (
    <section
      id={INVITES_ID}
      tabIndex={-1}
      aria-labelledby="invites-heading"
      className={
        prominent
          ? 'scroll-mt-4 rounded-lg border-4 border-joint-edge p-4 dark:border-joint-fill'
          : 'scroll-mt-4'
      }
    >
      <Heading
        id="invites-heading"
        className={prominent ? 'font-bold text-xl' : 'font-bold text-lg'}
      >
        Invite people
      </Heading>
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
  );
}
