'use client';
/**
 * One invite link as the facilitator sees it: the link to copy, how many joined through it,
 * and "Turn off this link" with a confirmation first (everyone who joined with it loses access).
 */
import { useState } from 'react';
import type { Ack, InviteView } from '../../lib/protocol/events';
import { Button } from '../ui/Button';
import { CopyLink } from '../ui/CopyLink';

/** Plain names for the three kinds of link. */
export const INVITE_TITLE: Record<InviteView['kind'], string> = {
  people: 'Link for people with lived experience',
  system: 'Link for staff',
  observer: 'Link for observers (they can only read)',
};

function joinedSentence(n: number): string {
  if (n === 0) return 'No one has joined with this link yet.';
  return `${n} ${n === 1 ? 'person has' : 'people have'} joined with this link.`;
}

/** Props of `InviteLinkItem`: the invite and the command that turns it off. */
export interface InviteLinkItemProps {
  invite: InviteView;
  revokeInvite(inviteId: string): Promise<Ack>;
}

/** An invite link in the facilitator panel, as a list item. */
export function InviteLinkItem({ invite, revokeInvite }: InviteLinkItemProps) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const title = INVITE_TITLE[invite.kind];

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
      <p>{joinedSentence(invite.joined)}</p>
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
