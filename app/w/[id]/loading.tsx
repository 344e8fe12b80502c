/** Shown while the board page loads on the server. */
export default function Loading() {
  return (
    <div className="mx-auto max-w-prose px-4 py-10">
      <p className="font-semibold text-lg">Loading the board…</p>
    </div>
  );
}
