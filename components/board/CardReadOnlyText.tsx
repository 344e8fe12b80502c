/** A card's text for people who can only read the board. */
export function CardReadOnlyText({ text, label }: { text: string; label: string }) {
  return (
    <div className="rounded-md border-2 border-ink/40 bg-white px-2 py-1 text-ink">
      <p className="sr-only">{label}</p>
      {text ? (
        <p className="whitespace-pre-wrap break-words">{text}</p>
      ) : (
        <p className="italic">This card is empty.</p>
      )}
    </div>
  );
}
