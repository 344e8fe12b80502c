'use client';
/** "Delete this card?" under a card's row, with "Yes, delete it" and "No, keep it" (focused). */
import { useEffect, useRef } from 'react';
import { Button } from '../ui/Button';
import type { CardDeletion } from './useDeleteCard';

/** The question asked before a card is deleted; shown while `deletion.asking`. Escape keeps it. */
export function DeleteConfirm({ deletion }: { deletion: CardDeletion }) {
  const keepRef = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    keepRef.current?.querySelector('button')?.focus();
  }, []);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape inside the question answers "No"; both answers are real buttons.
    <div
      className="flex flex-wrap items-center gap-2"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        deletion.cancel();
      }}
    >
      <span className="font-semibold">Delete this card?</span>
      <Button
        small
        variant="danger"
        aria-disabled={deletion.busy || undefined}
        onClick={() => void deletion.remove()}
      >
        Yes, delete it
      </Button>
      <span ref={keepRef} className="contents">
        <Button small variant="secondary" onClick={deletion.cancel}>
          No, keep it
        </Button>
      </span>
    </div>
  );
}
