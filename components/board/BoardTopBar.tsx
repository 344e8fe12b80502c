'use client';
/**
 * The short row under the board's title: the facilitator's "Invite people" control (once
 * someone has joined; before that the links themselves come first) and this person's own
 * personal link, so neither is hidden far down the page.
 */
import { memo } from 'react';
import { INVITES_ID } from '../facilitate/InviteLinks';
import { PersonalLink } from '../workshop/PersonalLink';

/** Props of `BoardTopBar`. */
export interface BoardTopBarProps {
  /** Show the short "Invite people" link (facilitators, once the links are in the side panel). */
  inviteLink: boolean;
  personalUrl: string | null;
  justJoined: boolean;
}

function goToInvites(event: React.MouseEvent<HTMLAnchorElement>) {
  const target = document.getElementById(INVITES_ID);
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ block: 'start' });
  target.focus();
}

/** Nothing when there is nothing to show. */
export const BoardTopBar = memo(function BoardTopBar({
  inviteLink,
  personalUrl,
  justJoined,
}: BoardTopBarProps) {
  if (!inviteLink && !personalUrl) return null;
  return (
    <div className="flex flex-wrap items-start gap-x-4 gap-y-2">
      {inviteLink && (
        <a
          href={`#${INVITES_ID}`}
          onClick={goToInvites}
          className="inline-flex min-h-11 items-center rounded-md border-2 border-joint-edge px-3 font-semibold dark:border-joint-fill"
        >
          Invite people
        </a>
      )}
      {personalUrl && (
        <div className="min-w-0 flex-1">
          <PersonalLink url={personalUrl} justJoined={justJoined} />
        </div>
      )}
    </div>
  );
});
