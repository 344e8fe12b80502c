/** Notices at the top of the board: access ended (an alert), and read-only for observers. */
import { memo } from 'react';

/** Props of `BoardNotices`. */
export interface BoardNoticesProps {
  /** Why this person can no longer use the board, in plain words. */
  ended: string | null;
  observer: boolean;
}

/** The board's notices; nothing when there is nothing to say. */
export const BoardNotices = memo(function BoardNotices({ ended, observer }: BoardNoticesProps) {
  return (
    <>
      <div role="alert" data-testid="board-ended">
        {ended && (
          <div className="rounded-lg border-4 border-danger bg-white p-4 text-ink">
            {observer ? (
              // Observers never could change the board; only say the link was turned off.
              <p className="font-bold text-lg">{ended}</p>
            ) : (
              <>
                <p className="font-bold text-lg">You can no longer change this board.</p>
                <p>{ended}</p>
              </>
            )}
          </div>
        )}
      </div>
      {observer && !ended && (
        <p className="rounded-md border-2 border-neutral-400 p-3 font-semibold">
          You are an observer. You can read everything on this board, but you cannot change it.
        </p>
      )}
    </>
  );
});
