'use client';
/** Says the vote shows the wording from when voting opened, with a button to see it as it is now. */
import { Button } from '../ui/Button';
import type { WordingState } from './useCurrentWording';

/** The note and its "See the current wording" button. */
export function WordingNote({ wording }: { wording: WordingState }) {
  return (
    <div className="space-y-2" data-testid="wording-note">
      <p>
        The cards are shown as they were worded when voting opened, so everyone votes on the same
        words.
      </p>
      {wording.current ? (
        <Button type="button" variant="secondary" onClick={wording.hide}>
          Hide the current wording
        </Button>
      ) : (
        <Button
          type="button"
          variant="secondary"
          aria-disabled={wording.busy || undefined}
          onClick={() => void wording.show()}
        >
          {wording.busy ? 'Getting the current wording…' : 'See the current wording'}
        </Button>
      )}
      {wording.problem && <p className="font-semibold">{wording.problem}</p>}
    </div>
  );
}
