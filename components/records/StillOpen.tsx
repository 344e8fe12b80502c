'use client';
/**
 * The facilitator's "Still open" list (issue 9): the Joint priorities cards that no
 * decision or indicator answers and nobody closed as not possible, each with a button that
 * takes you to the card.
 */
import type * as Y from 'yjs';
import { cardText } from '../../lib/board/doc';
import { Button } from '../ui/Button';
import { cardImpact, quote } from './fate';
import { useRecordsContext } from './RecordsContext';
import { useLinksVersion } from './useLinks';

/** Props of `StillOpen`. */
export interface StillOpenProps {
  doc: Y.Doc;
  /** The Joint priorities card ids, in board order. */
  priorityIds: readonly string[];
}

function goTo(cardId: string) {
  const field = document.querySelector<HTMLElement>(
    `[data-card-id="${cardId}"] [data-focus="text"]`,
  );
  field?.scrollIntoView({ block: 'center' });
  field?.focus();
}

/** The list, or a line saying every priority has an answer. */
export function StillOpen({ doc, priorityIds }: StillOpenProps) {
  const records = useRecordsContext();
  useLinksVersion(records.links);
  const open = priorityIds.filter(
    (id) =>
      cardImpact(id, 'priorities', records.links?.get(id) ?? [], records.view).status === 'open',
  );
  return (
    <section aria-labelledby="still-open-heading" className="space-y-2" data-testid="still-open">
      <h3 id="still-open-heading" className="font-bold text-lg">
        Still open
      </h3>
      {priorityIds.length === 0 ? (
        <p>There are no Joint priorities yet.</p>
      ) : open.length === 0 ? (
        <p>Every Joint priority has an answer.</p>
      ) : (
        <>
          <p>{`${open.length} of ${priorityIds.length} Joint priorities have no answer yet:`}</p>
          <ul className="space-y-1">
            {open.map((id) => {
              const words = quote(cardText(doc, id)?.toString() ?? '', 70);
              return (
                <li key={id} className="flex flex-wrap items-center gap-2">
                  <span className="min-w-0 flex-1">{words}</span>
                  <Button small variant="secondary" onClick={() => goTo(id)}>
                    Go to<span className="sr-only">{` the card “${words}”`}</span>
                  </Button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
