/**
 * A page's one polite live region, present from page load (ACCESSIBILITY.md): remote
 * activity and confirmations are read out without moving focus.
 */
export function LiveAnnouncer({ message, testId }: { message: string; testId: string }) {
  return (
    <div
      role="status"
      aria-live="polite"
      aria-atomic="true"
      className="sr-only"
      data-testid={testId}
    >
      {message}
    </div>
  );
}
