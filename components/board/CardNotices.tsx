'use client';
/**
 * Gentle notices about your own cards (issue 13): "Alex (Staff) changed most of your
 * card. See what changed." Each is also said once through the board's polite live region.
 */
import { useEffect, useRef, useState } from 'react';
import { Button } from '../ui/Button';
import type { CardNotice } from '../workshop/useWorkshop';
import { CardHistoryDialog } from './CardHistoryDialog';

/** Props of `CardNotices`. */
export interface CardNoticesProps {
  notices: CardNotice[];
  dismiss: (n: CardNotice) => void;
  announce: (sentence: string) => void;
}

/** The list of notices; nothing when there are none. */
export function CardNotices({ notices, dismiss, announce }: CardNoticesProps) {
  const said = useRef(new Set<CardNotice>());
  const [open, setOpen] = useState<CardNotice | null>(null);
  useEffect(() => {
    for (const n of notices) {
      if (said.current.has(n)) continue;
      said.current.add(n);
      announce(n.message);
    }
  }, [notices, announce]);
  if (notices.length === 0) return null;
  return (
    <ul aria-label="About your cards" className="space-y-2">
      {notices.map((n) => (
        <li
          key={`${n.cardId}-${n.message}`}
          className="flex flex-wrap items-center gap-2 rounded-md border-2 border-ink bg-white p-2 text-ink"
        >
          <span>{n.message.replace(/ See what changed\.$/, '')}</span>
          <Button small variant="secondary" onClick={() => setOpen(n)}>
            See what changed
          </Button>
          <Button small variant="secondary" onClick={() => dismiss(n)}>
            Dismiss
          </Button>
        </li>
      ))}
      {open && (
        <CardHistoryDialog cardId={open.cardId} label="your card" onClose={() => setOpen(null)} />
      )}
    </ul>
  );
}
