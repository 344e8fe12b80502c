/** Notices at the top of the vote page: access ended (an alert), offline, and messages from the server. */

/** Props of `VoteNotices`. */
export interface VoteNoticesProps {
  ended: string | null;
  offline: boolean;
  /** The latest message about a round, e.g. your dots came back from a deleted card. */
  notice: string | null;
}

/** Nothing when there is nothing to say. */
export function VoteNotices({ ended, offline, notice }: VoteNoticesProps) {
  return (
    <>
      <div role="alert">
        {ended && (
          <div className="rounded-lg border-4 border-danger p-4">
            <p className="font-bold text-lg">You can no longer vote here.</p>
            <p>{ended}</p>
          </div>
        )}
      </div>
      {offline && !ended && (
        <p className="rounded-md border-2 border-danger p-3 font-semibold dark:border-danger-on-dark">
          You are offline. We will keep trying to reconnect. Votes you make will be sent when you
          are back.
        </p>
      )}
      {notice && !ended && (
        <p className="rounded-md border-2 border-joint-edge p-3 dark:border-joint-fill">{notice}</p>
      )}
    </>
  );
}
