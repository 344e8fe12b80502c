/** A card's group in words, icon and pattern, and the shares behind its colour. */
import { GroupBadge } from '../ui/GroupBadge';
import { type CardFacts, sharesSentence } from './cardFacts';

/** The badge for a card whose writer the roster does not know yet: no colour is guessed. */
function CheckingBadge() {
  return (
    <span className="inline-flex items-center rounded-full border-2 border-ink border-dotted bg-white px-2 font-semibold text-ink text-sm leading-5">
      Checking who wrote this
    </span>
  );
}

/** The group badge of a card. */
export function CardBadge({ facts }: { facts: CardFacts }) {
  return facts.colour ? <GroupBadge group={facts.colour} small /> : <CheckingBadge />;
}

/** "Lived experience wrote 40%, staff 60%." and why the card is joint, when it is. */
export function CardColourInfo({ facts }: { facts: CardFacts }) {
  return (
    <p className="text-ink text-sm">
      {sharesSentence(facts)}
      {facts.reason === 'endorsed' && ' Joint because both groups agreed with this wording.'}
      {facts.reason === 'shares' && ' Joint because both groups wrote at least a fifth.'}
    </p>
  );
}
