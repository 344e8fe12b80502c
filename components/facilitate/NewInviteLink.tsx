'use client';
/** "Make a new link" for one group: at any time, e.g. after turning one off. */
import { useState } from 'react';
import type { Ack, InviteView } from '../../lib/protocol/events';
import { Button } from '../ui/Button';

const NEW_LABEL: Record<InviteView['kind'], string> = {
  people: 'Make a new link for people with lived experience',
  system: 'Make a new link for staff',
  observer: 'Make a new link for observers',
};

/** Props of `NewInviteLink`. */
export interface NewInviteLinkProps {
  createInvite(kind: InviteView['kind']): Promise<Ack>;
}

/** Three buttons, one per kind of link, with the outcome announced. */
export function NewInviteLink({ createInvite }: NewInviteLinkProps) {
  const [status, setStatus] = useState('');
  async function make(kind: InviteView['kind']) {
    const ack = await createInvite(kind);
    setStatus(ack.ok ? 'A new link is ready in the list above.' : ack.message);
  }
  return (
    <div className="mt-3 space-y-2">
      <div className="flex flex-wrap gap-2">
        {(Object.keys(NEW_LABEL) as InviteView['kind'][]).map((kind) => (
          <Button key={kind} small variant="secondary" onClick={() => make(kind)}>
            {NEW_LABEL[kind]}
          </Button>
        ))}
      </div>
      <p role="status" data-testid="new-link-status">
        {status}
      </p>
    </div>
  );
}
