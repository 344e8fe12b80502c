'use client';
/**
 * "We agree with this wording": who has agreed, by group; a button to agree; and the
 * warning when one group changed the card alone after both had agreed.
 */
import { useEffect, useRef, useState } from 'react';
import { Button } from '../ui/Button';
import { RECONNECTED_EVENT } from '../workshop/watchHeartbeat';
import { useBoard } from './BoardContext';
import { agreementSentence, type CardFacts, driftSentence } from './cardFacts';

/** Props of `CardAgreement`. */
export interface CardAgreementProps {
  cardId: string;
  text: string;
  facts: CardFacts;
}

function WarningIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
      className="shrink-0"
    >
      <path
        d="M12 2 1 21h22L12 2Z"
        fill="#FFDD00"
        stroke="#0B0C0C"
        strokeWidth="2"
        strokeLinejoin="round"
      />
      <path d="M12 9v5M12 17v.5" stroke="#0B0C0C" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  );
}

/** The agreement part of a card. */
export function CardAgreement({ cardId, text, facts }: CardAgreementProps) {
  const board = useBoard();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [offline, setOffline] = useState(false);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const focusStatus = useRef(false);
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
    // Set before asking: the server's agreement update may arrive before its answer.
    focusStatus.current = byHand;
    const ack = await board.endorse(cardId, words);
    setBusy(false);
    if (!ack.ok) {
      focusStatus.current = false;
      setError(ack.message);
      offlineWords.current = words;
      setOffline(ack.reason === 'storeFailed');
    }
  }
  agreeRef.current = agree;

  // The button goes once you agree: focus the sentence that replaced it, which reads it out.
  useEffect(() => {
    if (facts.youAgreed && focusStatus.current) {
      focusStatus.current = false;
      statusRef.current?.focus();
    }
  }, [facts.youAgreed]);

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
    <div className="space-y-2 text-ink text-sm">
      {facts.driftedBy && (
        <p className="flex items-start gap-2 rounded-md border-2 border-ink bg-white px-2 py-1 font-bold">
          <WarningIcon />
          <span>{driftSentence(facts.driftedBy)}</span>
        </p>
      )}
      <p>{agreementSentence(facts.agreedBy)}</p>
      {facts.youAgreed && (
        <p ref={statusRef} tabIndex={-1} className="font-semibold">
          You agree with this wording.
        </p>
      )}
      {canAgree && (
        <Button small variant="secondary" aria-disabled={busy || undefined} onClick={() => agree()}>
          We agree with this wording
        </Button>
      )}
      {error && (
        <p
          role="alert"
          className="rounded-md border-2 border-danger bg-white px-2 py-1 font-semibold"
        >
          {error}
        </p>
      )}
    </div>
  );
}
