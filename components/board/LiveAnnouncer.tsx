/** The board's one polite live region, present from page load (ACCESSIBILITY.md). */
export function LiveAnnouncer({ message }: { message: string }) {
  return (
    <div
      role="status"
      aria-live="polite"
      aria-atomic="true"
      className="sr-only"
      data-testid="board-announcer"
    >
      {message}
    </div>
  );
}
