/** A plain page body for a link that no longer works: a heading, the reason in words, and a way home. */
export function LinkProblem({ title, message }: { title: string; message: string }) {
  return (
    <div className="mx-auto max-w-prose px-4 py-10 text-lg">
      <h1 className="mb-4 font-extrabold text-3xl">{title}</h1>
      <p className="mb-6">{message}</p>
      <p>
        <a href="/" className="font-semibold text-joint-edge dark:text-joint-fill">
          Go to the Purple home page
        </a>
      </p>
    </div>
  );
}
