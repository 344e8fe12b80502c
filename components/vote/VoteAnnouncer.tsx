/** The vote page's one polite live region, present from page load (ACCESSIBILITY.md). */
export function VoteAnnouncer({ message }: { message: string }) {
  return (
    <div
      role="status"
      aria-live="polite"
      aria-atomic="true"
      className="sr-only"
      data-testid="vote-announcer"
    >
      {message}
    </div>
  );
}
