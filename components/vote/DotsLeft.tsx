/** "You have 3 of 5 dots left", large, with how many can go on one card. */
import { dotsLeftSentence, dotsWord } from './voteText';

/** Props of `DotsLeft`. */
export interface DotsLeftProps {
  left: number;
  budget: number;
  perCardCap: number;
}

/** The dots a voter has left in this round. */
export function DotsLeft({ left, budget, perCardCap }: DotsLeftProps) {
  return (
    <div className="rounded-lg border-4 border-joint-edge p-3 dark:border-joint-fill">
      <p className="font-bold text-xl" data-testid="dots-left">
        {dotsLeftSentence(left, budget)}
      </p>
      <p>
        You can put up to {dotsWord(perCardCap)} on one card.
        {left === 0 && ' To change your mind, take a dot off a card first.'}
      </p>
    </div>
  );
}
