/** One candidate card on the vote page: its text, your dots on it as text, and − / + buttons. */
import type { Candidate } from '../../lib/voting/types';
import { cn } from '../ui/cn';
import { DotButton } from './DotButton';
import { dotsWord, shortText } from './voteText';

/** Props of `VoteItem`. */
export interface VoteItemProps {
  card: Candidate;
  dots: number;
  perCardCap: number;
  dotsLeft: number;
  /** False for observers and once voting has closed. */
  canVote: boolean;
  /** Show your dots as text even when you can no longer change them (a voter, after closing). */
  showMine: boolean;
  pending: boolean;
  /** The last thing that happened to this card, if it was this one. */
  message: { text: string; ok: boolean } | null;
  onChange(delta: 1 | -1): void;
  /** The card's wording on the board now, when asked for (null: deleted since). */
  currentText?: string | null;
}

/** How the card reads now, beside the wording it had when voting opened. */
function NowReads({ then, now }: { then: string; now: string | null }) {
  if (now === null) return <p className="mt-1">This card has since been deleted from the board.</p>;
  if (now === then) return <p className="mt-1">The wording has not changed since voting opened.</p>;
  return (
    <div className="mt-2 rounded-md border-2 border-neutral-500 border-dashed p-2">
      <p className="font-semibold">The wording on the board now:</p>
      <p className="whitespace-pre-wrap break-words">{now}</p>
    </div>
  );
}

function Dots({ dots, cap }: { dots: number; cap: number }) {
  return (
    <span aria-hidden="true" className="text-2xl tracking-widest">
      {'●'.repeat(dots)}
      {'○'.repeat(Math.max(0, cap - dots))}
    </span>
  );
}

/** A candidate card as a list item. */
export function VoteItem(props: VoteItemProps) {
  const { card, dots, perCardCap, dotsLeft, canVote, showMine, pending, message, onChange } = props;
  const { currentText } = props;
  const label = shortText(card.text);
  if (card.removedAt) {
    return (
      <li className="rounded-lg border-2 border-neutral-500 border-dashed p-3">
        <p className="line-through">{card.text}</p>
        <p>
          This card was deleted, so it is no longer part of the vote. Any dots on it came back. If
          it is restored while voting is open, it comes back into the vote.
        </p>
      </li>
    );
  }
  return (
    <li
      data-card-id={card.cardId}
      data-dots={dots}
      className="rounded-lg border-2 border-ink p-3 dark:border-white"
    >
      <p className="whitespace-pre-wrap break-words text-lg">{card.text}</p>
      {card.addedAt && <p className="font-semibold">Added to the vote after it opened.</p>}
      {currentText !== undefined && <NowReads then={card.text} now={currentText} />}
      {canVote && (
        <div className="mt-3 flex items-center gap-3">
          <DotButton
            kind="remove"
            cardText={label}
            unavailable={pending || dots === 0}
            onPress={() => onChange(-1)}
          />
          <p className="flex min-w-0 flex-1 flex-col items-center text-center">
            <span className="font-semibold" data-testid="card-dots">
              Your dots: {dots}
            </span>
            <Dots dots={dots} cap={perCardCap} />
          </p>
          <DotButton
            kind="add"
            cardText={label}
            unavailable={pending || dots >= perCardCap || dotsLeft <= 0}
            onPress={() => onChange(1)}
          />
        </div>
      )}
      {!canVote && showMine && (
        <p className="mt-2 font-semibold" data-testid="card-dots">
          Your dots: {dots}
        </p>
      )}
      {canVote && dots >= perCardCap && (
        <p className="mt-1 text-center">
          This card has the most dots you can give it ({dotsWord(perCardCap)}).
        </p>
      )}
      {pending && <p className="mt-2 font-semibold">Sending your vote…</p>}
      {canVote && message && !pending && (
        <p
          className={cn(
            'mt-2 rounded-md border-l-8 p-2 font-semibold',
            message.ok
              ? 'border-joint-edge dark:border-joint-fill'
              : 'border-danger dark:border-danger-on-dark',
          )}
          data-testid="card-message"
        >
          {message.ok ? '✓ ' : '! '}
          {message.text}
        </p>
      )}
    </li>
  );
}
