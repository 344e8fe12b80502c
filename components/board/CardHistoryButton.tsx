'use client';
/**
 * "History" on a card (issue 13). A small button that is easy to move into the "Card
 * actions" menu: it only opens `CardHistoryDialog`, and focus returns to it on close.
 */
import { useRef, useState } from 'react';
import { Button } from '../ui/Button';
import { CardHistoryDialog } from './CardHistoryDialog';

/** Opens the card's history. */
export function CardHistoryButton({ id, label }: { id: string; label: string }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLSpanElement>(null);
  return (
    <span ref={ref} className="contents">
      <Button
        small
        variant="secondary"
        aria-label={`History of ${label}`}
        onClick={() => setOpen(true)}
      >
        History
      </Button>
      {open && (
        <CardHistoryDialog
          cardId={id}
          label={label}
          onClose={() => {
            setOpen(false);
            ref.current?.querySelector('button')?.focus();
          }}
        />
      )}
    </span>
  );
}
