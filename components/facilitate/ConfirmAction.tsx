'use client';
/**
 * A button that asks before it acts: the question appears in place, focus moves to it,
 * "Cancel" (or Escape) brings focus back, and the outcome is announced by the parent.
 */
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { Ack } from '../../lib/protocol/events';
import { Button } from '../ui/Button';

/** Props of `ConfirmAction`. */
export interface ConfirmActionProps {
  /** The button's text, e.g. "Remove". */
  label: string;
  /** Extra words for screen readers, e.g. "Remove Participant 2 (lived experience)". */
  accessibleLabel?: string;
  /** The question, in plain words, with what will happen. */
  question: string;
  /** The confirming button's text, e.g. "Yes, remove them". */
  confirmLabel: string;
  /** What to do once confirmed. */
  run(): Promise<Ack>;
  /** Told the outcome in plain words (for a live region). */
  onDone(message: string, ok: boolean): void;
  /** The message to announce when it worked. */
  doneMessage: string;
}

/** An action with an inline confirmation. */
export function ConfirmAction(props: ConfirmActionProps) {
  const { label, accessibleLabel, question, confirmLabel, run, onDone, doneMessage } = props;
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) confirm.current?.focus();
    else if (wasAsking.current) trigger.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  async function go() {
    setBusy(true);
    const ack = await run();
    setBusy(false);
    setAsking(false);
    onDone(ack.ok ? doneMessage : ack.message, ack.ok);
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === 'Escape') setAsking(false);
  }

  if (!asking)
    return (
      <Button
        ref={trigger}
        small
        variant="secondary"
        aria-label={accessibleLabel}
        onClick={() => setAsking(true)}
      >
        {label}
      </Button>
    );
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape cancels; the buttons inside are the controls
    <div className="mt-2 rounded-md border-2 border-danger p-3" onKeyDown={onKeyDown}>
      <p className="mb-2 font-semibold">{question}</p>
      <div className="flex flex-wrap gap-2">
        <Button ref={confirm} small variant="danger" onClick={go} disabled={busy}>
          {confirmLabel}
        </Button>
        <Button small variant="secondary" onClick={() => setAsking(false)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
