'use client';
/**
 * "We agree" on a compact card, one tap away: sends the text this person saw; the server
 * refuses it if the card changed since. Shown only while this person has not agreed; once
 * the agreement arrives, focus moves to the card's status (`CardStatus`), which reads it.
 * Offline, it says so and tries the same wording once more when the connection returns.
 */
import { useEffect, useRef, useState } from 'react';
import { Button } from '../ui/Button';
import { RECONNECTED_EVENT } from '../workshop/watchHeartbeat';
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
  const [offline, setOffline] = useState(false);
  const agreeRef = useRef<(byHand: boolean, words: string) => Promise<void>>(async () => undefined);
  /** The wording the person agreed with when the answer was "offline". */
  const offlineWords = useRef(text);

  /**
   * Agree with `words`; `byHand` is false for the automatic retry, which must not move
   * focus, and which names the wording agreed with before (refused if it has changed).
   */
  async function agree(byHand = true, words = text) {
    if (busy) return;
    setBusy(true);
    setError(null);
    // Asked before sending: the server's agreement update may arrive before its answer.
    // The button goes once the agreement arrives, and focus moves to the card's new status.
    if (byHand) board.focus.request(cardId, 'status');
    const ack = await board.endorse(cardId, words);
    setBusy(false);
    if (ack.ok) return;
    if (byHand) board.focus.take(cardId);
    setError(ack.message);
    offlineWords.current = words;
    setOffline(ack.reason === 'storeFailed');
  }
  agreeRef.current = agree;

  // Back online: clear "You are offline…" and try the agreement once more.
  useEffect(() => {
    if (!offline) return;
    const retry = () => {
      setOffline(false);
      setError(null);
      void agreeRef.current(false, offlineWords.current);
    };
    window.addEventListener(RECONNECTED_EVENT, retry, { once: true });
    return () => window.removeEventListener(RECONNECTED_EVENT, retry);
  }, [offline]);

  const canAgree = board.canWrite && !facts.youAgreed && text.trim() !== '';
  return (
    <>
      {canAgree && (
        <Button
          small
          variant="secondary"
          aria-label="We agree with this wording"
          aria-disabled={busy || undefined}
          onClick={() => agree()}
          className="min-h-10 shrink-0 px-2"
        >
          We agree
        </Button>
      )}
      {error && <ErrorLine message={error} />}
    </>
  );
}
