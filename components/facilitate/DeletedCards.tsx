'use client';
/** The facilitator's list of deleted cards, each with "Restore". */
import { useState } from 'react';
import type * as Y from 'yjs';
import { readCard } from '../../lib/board/doc';
import { SECTION_INFO } from '../../lib/board/sections';
import type { Ack, DeletedCard } from '../../lib/protocol/events';
import { Button } from '../ui/Button';

/** Props of `DeletedCards`. */
export interface DeletedCardsProps {
  doc: Y.Doc;
  deleted: readonly DeletedCard[];
  restoreCard(cardId: string): Promise<Ack>;
}

function when(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleString('en-GB', {
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  });
}

function DeletedCardItem({
  doc,
  item,
  restoreCard,
}: { doc: Y.Doc; item: DeletedCard } & Pick<DeletedCardsProps, 'restoreCard'>) {
  const [error, setError] = useState<string | null>(null);
  const card = readCard(doc, item.cardId);
  const text = card?.text.trim() ? card.text : 'An empty card';
  async function restore() {
    setError(null);
    const ack = await restoreCard(item.cardId);
    if (!ack.ok) setError(ack.message);
  }
  return (
    <li data-card-id={item.cardId} className="border-neutral-400 border-t-2 py-3">
      <p className="line-clamp-3 whitespace-pre-wrap break-words font-semibold">{text}</p>
      <p className="text-sm">
        {card ? `From ${SECTION_INFO[card.section].title}. ` : ''}Deleted by {item.deletedBy}
        {when(item.deletedAt) ? `, ${when(item.deletedAt)}` : ''}.
      </p>
      <Button small variant="secondary" className="mt-2" onClick={restore}>
        Restore<span className="sr-only"> this card</span>
      </Button>
      {error && (
        <p role="alert" className="mt-2 font-semibold">
          {error}
        </p>
      )}
    </li>
  );
}

/** The deleted cards panel. */
export function DeletedCards({ doc, deleted, restoreCard }: DeletedCardsProps) {
  return (
    <section aria-labelledby="deleted-heading">
      <h3 id="deleted-heading" className="font-bold text-lg">
        Deleted cards
      </h3>
      {deleted.length === 0 ? (
        <p>No cards have been deleted.</p>
      ) : (
        <ul>
          {deleted.map((item) => (
            <DeletedCardItem key={item.cardId} doc={doc} item={item} restoreCard={restoreCard} />
          ))}
        </ul>
      )}
    </section>
  );
}
