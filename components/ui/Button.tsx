import type { ButtonHTMLAttributes, Ref } from 'react';
import { cn } from './cn';

/** How a button looks: `primary` for the main action, `secondary` for others, `danger` to warn. */
export type ButtonVariant = 'primary' | 'secondary' | 'danger';

/** Props of `Button`: every native button prop, plus a `variant` and a `small` size. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  /** A smaller button (still at least 24×24 px) for secondary actions inside dense lists. */
  small?: boolean;
  /** The underlying button, e.g. to move focus to it. */
  ref?: Ref<HTMLButtonElement>;
}

const VARIANT: Record<ButtonVariant, string> = {
  primary:
    'bg-joint-edge text-white border-joint-edge hover:bg-ink hover:border-ink dark:bg-joint-fill dark:text-ink dark:border-joint-fill dark:hover:bg-white dark:hover:border-white',
  secondary:
    'bg-white text-ink border-ink hover:bg-neutral-100 dark:bg-neutral-900 dark:text-white dark:border-white dark:hover:bg-neutral-800',
  danger: 'bg-danger text-white border-danger hover:bg-[#7A0A15] hover:border-[#7A0A15]',
};

/** A button with a 44×44 px target (24 px when `small`), visible focus and a disabled look. Defaults to `type="button"`. */
export function Button({
  variant = 'primary',
  small = false,
  type = 'button',
  className,
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={cn(
        'inline-flex items-center justify-center gap-2 rounded-md border-2 font-semibold',
        'cursor-pointer transition-colors motion-reduce:transition-none',
        'disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60',
        small ? 'min-h-8 min-w-8 px-3 py-1 text-sm' : 'min-h-11 min-w-11 px-5 py-2 text-base',
        VARIANT[variant],
        className,
      )}
      {...rest}
    />
  );
}
