'use client';
/** "Close voting now", with a confirm step first. */
import { useState } from 'react';
import type { Ack } from '../../lib/protocol/events';
import { Button } from '../ui/Button';

/** Props of `CloseRoundButton`. */
export interface CloseRoundButtonProps {
  close(): Promise<Ack>;
}

/** Closes a round early, after the facilitator says yes. */
export function CloseRoundButton({ close }: CloseRoundButtonProps) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function yes() {
    setError(null);
    const ack = await close();
    setConfirming(false);
    if (!ack.ok) setError(ack.message);
  }

  return (
    <div className="mt-3">
      {!confirming ? (
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          Close voting now
        </Button>
      ) : (
        <div className="rounded-md border-2 border-danger p-3">
          <p className="mb-2 font-semibold">
            Close voting now? No one will be able to vote any more, and everyone will see the
            results. You can open it again later.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button small variant="danger" onClick={yes}>
              Yes, close voting
            </Button>
            <Button small variant="secondary" onClick={() => setConfirming(false)}>
              Keep voting open
            </Button>
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="mt-2 font-semibold">
          {error}
        </p>
      )}
    </div>
  );
}
