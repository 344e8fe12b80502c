/** A large − or + button (48×48 px). At a limit it stays focusable but says it is unavailable. */
import { Button } from '../ui/Button';
import { cn } from '../ui/cn';

/** Props of `DotButton`. */
export interface DotButtonProps {
  kind: 'add' | 'remove';
  /** The card's text, shortened, for the accessible name. */
  cardText: string;
  unavailable: boolean;
  onPress(): void;
}

/** "Add a dot to: …" (+) or "Take a dot off: …" (−). */
export function DotButton({ kind, cardText, unavailable, onPress }: DotButtonProps) {
  const add = kind === 'add';
  return (
    <Button
      variant={add ? 'primary' : 'secondary'}
      aria-label={add ? `Add a dot to: ${cardText}` : `Take a dot off: ${cardText}`}
      aria-disabled={unavailable || undefined}
      onClick={onPress}
      className={cn('size-12 shrink-0 px-0 py-0 font-bold text-3xl leading-none')}
    >
      <span aria-hidden="true">{add ? '+' : '−'}</span>
    </Button>
  );
}
