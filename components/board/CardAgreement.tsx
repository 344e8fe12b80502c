'use client';
/**
 * "We agree" on a compact card, one tap away: sends the text this person saw; the server
 * refuses it if the card changed since. Shown only while this person has not agreed.
 */
import { useState } from 'react';
import { Button } from '../ui/Button';
import { useBoard } from './BoardContext';
import type { CardFacts } from './cardFacts';
import { ErrorLine } from './ErrorLine';

/** Props of `CardAgreement`. */
export interface CardAgreementProps {
  cardId: string;
  text: string;
  facts: CardFacts;
}

/** The "We agree" button of a card, and the server's answer when it says no. */
export function CardAgreement({ cardId, text, facts }: CardAgreementProps) {
  const board = useBoard();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function agree() {
    if (busy) return;
    setBusy(true);
    setError(null);
    // The button goes once the agreement arrives: focus moves to the card's new status.
    board.focus.request(cardId, 'status');
    const ack = await board.endorse(cardId, text);
    setBusy(false);
    if (ack.ok) return;
    board.focus.take(cardId);
    setError(ack.message);
  }

  const canAgree = board.canWrite && !facts.youAgreed && text.trim() !== '';
  return (
    <>
      {canAgree && (
        <Button
          small
          variant="secondary"
          aria-label="We agree with this wording"
          aria-disabled={busy || undefined}
          onClick={agree}
          className="min-h-10 shrink-0 px-2"
        >
          We agree
        </Button>
      )}
      {error && <ErrorLine message={error} />}
    </>
  );
}
