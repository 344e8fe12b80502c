/** A card's agreement state in a few words, with a warning icon when it drifted. */
import { type CardFacts, statusWords } from './cardFacts';

/** The drift warning's icon (a yellow triangle); the words beside it say what it means. */
export function WarningIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      focusable="false"
      className="shrink-0"
    >
      <path
        d="M12 2 1 21h22L12 2Z"
        fill="#FFDD00"
        stroke="#0B0C0C"
        strokeWidth="2"
        strokeLinejoin="round"
      />
      <path d="M12 9v5M12 17v.5" stroke="#0B0C0C" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  );
}

/** "Not agreed yet", "Agreed by both", "Changed by staff since agreed"… */
export function CardStatus({ facts }: { facts: CardFacts }) {
  const drifted = facts.driftedBy !== null;
  return (
    <span
      data-focus="status"
      tabIndex={-1}
      data-testid="card-status"
      className={
        drifted
          ? 'inline-flex items-center gap-1 rounded-md border-2 border-ink bg-white px-1.5 font-bold text-ink text-sm'
          : 'font-semibold text-ink text-sm'
      }
    >
      {drifted && <WarningIcon />}
      {statusWords(facts)}
    </span>
  );
}
