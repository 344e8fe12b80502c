'use client';
/**
 * Your own data, from the board: make a new personal link (the old one stops working) and
 * erase your name and what helps you (you then show as "a participant (lived experience)").
 */
import { useState } from 'react';
import type { Ack } from '../../lib/protocol/events';
import { ConfirmAction } from '../facilitate/ConfirmAction';
import { Button } from '../ui/Button';
import { CopyLink } from '../ui/CopyLink';

/** Props of `MyDetails`. */
export interface MyDetailsProps {
  rotateLink(): Promise<Ack<{ path: string }>>;
  eraseMe(): Promise<Ack>;
  /** True once your details are erased (your name is hidden). */
  erased: boolean;
}

/** "Your link and details" disclosure. */
export function MyDetails({ rotateLink, eraseMe, erased }: MyDetailsProps) {
  const [url, setUrl] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  return (
    <details className="rounded-md border-2 border-neutral-400 p-2">
      <summary className="min-h-6 cursor-pointer font-semibold">Your link and your details</summary>
      <div className="mt-2 space-y-3">
        <p>
          If someone else may have your personal link, make a new one. The old link stops working at
          once.
        </p>
        <Button
          small
          variant="secondary"
          onClick={async () => {
            const ack = await rotateLink();
            if (ack.ok) setUrl(`${window.location.origin}${ack.path}`);
            setStatus(
              ack.ok
                ? 'Your new personal link is ready. The old one no longer works.'
                : ack.message,
            );
          }}
        >
          Make a new personal link
        </Button>
        {url && <CopyLink url={url} label="Your new personal link" hint="Keep it private." />}
        {!erased && (
          <ConfirmAction
            label="Erase my name and what helps me"
            question="Erase your name and what you said helps you? Everyone will see you only as a participant of your group. What you wrote stays. This cannot be undone."
            confirmLabel="Yes, erase my details"
            run={eraseMe}
            doneMessage="Your name and what helps you have been erased."
            onDone={setStatus}
          />
        )}
        <p role="status" className="font-semibold" data-testid="my-details-status">
          {status}
        </p>
      </div>
    </details>
  );
}
