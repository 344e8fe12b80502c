/** A short refusal from the server, shown inside a card and announced at once. */
export function ErrorLine({ message }: { message: string }) {
  return (
    <p
      role="alert"
      className="order-last w-full basis-full rounded-md border-2 border-danger bg-white px-2 py-1 font-semibold text-ink text-sm"
    >
      {message}
    </p>
  );
}
