'use client';
/**
 * One invite link as the facilitator sees it: the link to copy, how many joined through it
 * (and its cap, if any), "Turn off this link" with a confirmation first (everyone who
 * joined with it loses access), and a way to limit how many may join.
 */
import { useState } from 'react';
import type { Ack, InviteView } from '../../lib/protocol/events';
import { Button } from '../ui/Button';
import { CopyLink } from '../ui/CopyLink';
import { InviteCapForm } from './InviteCapForm';

export { INVITE_TITLE } from './inviteLabels';

function joinedSentence(n: number, cap: number | null): string {
  const joined =
    n === 0
      ? 'No one has joined with this link yet.'
      : `${n} ${n === 1 ? 'person has' : 'people have'} joined with this link.`;
  if (cap === null) return joined;
  if (n >= cap) return `${joined} This link is full: no one else can join with it.`;
  return `${joined} At most ${cap} can join with it.`;
}

/** Props of `InviteLinkItem`: the invite, its plain name and the commands on it. */
export interface InviteLinkItemProps {
  invite: InviteView;
  /** e.g. "Link for staff (second link)". */
  title: string;
  revokeInvite(inviteId: string): Promise<Ack>;
  capInvite?(inviteId: string, maxJoins: number | null): Promise<Ack>;
}

/** An invite link in the facilitator panel, as a list item. */
export function InviteLinkItem({ invite, title, revokeInvite, capInvite }: InviteLinkItemProps) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function turnOff() {
    setError(null);
    const ack = await revokeInvite(invite.id);
    setConfirming(false);
    if (!ack.ok) setError(ack.message);
  }

  return (
    <li
      data-invite-kind={invite.kind}
      data-revoked={invite.revoked ? 'true' : 'false'}
      className="py-3"
    >
      {invite.revoked || invite.url === null ? (
        <>
          <p className="font-bold text-lg">{title}</p>
          <p>
            {invite.revoked
              ? 'This link is turned off. No one can join with it.'
              : 'This link still works, but Purple stores links in a form it cannot show again. Make a new link to share.'}
          </p>
        </>
      ) : (
        <CopyLink url={invite.url} label={title} />
      )}
      <p>{joinedSentence(invite.joined, invite.maxJoins)}</p>
      {!invite.revoked && capInvite && (
        <InviteCapForm invite={invite} title={title} capInvite={capInvite} />
      )}
      {!invite.revoked && !confirming && (
        <Button small variant="secondary" className="mt-2" onClick={() => setConfirming(true)}>
          Turn off this link
        </Button>
      )}
      {confirming && (
        <div className="mt-2 rounded-md border-2 border-danger p-3">
          <p className="mb-2 font-semibold">
            Turn off this link? No one will be able to join with it, and everyone who joined with it
            will lose access to the board.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button small variant="danger" onClick={turnOff}>
              Yes, turn off this link
            </Button>
            <Button small variant="secondary" onClick={() => setConfirming(false)}>
              Keep this link on
            </Button>
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="mt-2 font-semibold">
          {error}
        </p>
      )}
    </li>
  );
}
