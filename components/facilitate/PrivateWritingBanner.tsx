'use client';
/**
 * Tells everyone when private writing is on (issue 11): what it means for them, and how
 * many cards wait per group. Start and end are announced in the page's polite live region.
 */
import { useEffect, useRef } from 'react';
import type { PrivateWritingState } from '../../lib/facilitation/state';
import type { WaitingCounts } from '../../lib/protocol/privateWritingEvents';
import { PRIVATE_NOTE } from '../board/DraftCards';
import { waitingWords } from './waitingWords';

/** Props of `PrivateWritingBanner`. */
export interface PrivateWritingBannerProps {
  /** undefined until the server's first facilitation update has arrived. */
  state: PrivateWritingState | null | undefined;
  waiting: WaitingCounts | null;
  /** True for people whose new cards go to a draft (they can write). */
  writes: boolean;
  announce(message: string): void;
}

/** The private-writing banner; nothing while it is off. */
export function PrivateWritingBanner({
  state,
  waiting,
  writes,
  announce,
}: PrivateWritingBannerProps) {
  const on = Boolean(state);
  const known = state !== undefined;
  const was = useRef<boolean | null>(null);
  useEffect(() => {
    // Only a change seen on this page is announced, not the state found on arriving.
    if (!known) return;
    if (was.current !== null && was.current !== on)
      announce(
        on
          ? `Private writing has started. ${writes ? `New cards you add are private. ${PRIVATE_NOTE}` : ''}`
          : 'The facilitator has shown everyone’s cards.',
      );
    was.current = on;
  }, [known, on, writes, announce]);
  if (!state) return null;
  return (
    <section
      aria-labelledby="private-writing-heading"
      className="space-y-1 rounded-lg border-4 border-ink border-dotted bg-white p-2 text-ink"
      data-testid="private-writing"
    >
      <h2 id="private-writing-heading" className="font-bold text-lg">
        Private writing
      </h2>
      {state.revealing ? (
        <p className="font-semibold">The facilitator is showing everyone’s cards now.</p>
      ) : (
        <p>
          {writes
            ? `New cards you add now are private. ${PRIVATE_NOTE} You can still change the cards everyone sees.`
            : 'People are writing cards privately. Everyone will see them when the facilitator shows them.'}
        </p>
      )}
      <p data-testid="cards-waiting">{waitingWords(waiting)}</p>
    </section>
  );
}
