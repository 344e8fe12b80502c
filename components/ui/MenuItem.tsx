'use client';
/** One action in a `MenuButton`'s menu: closes the menu, then runs the action. */
import { createContext, useContext } from 'react';
import { cn } from './cn';

/** Closes the open menu; `true` returns focus to its button. Provided by `MenuButton`. */
export const MenuContext = createContext<(returnFocus: boolean) => void>(() => {});

/** Props of `MenuItem`. */
export interface MenuItemProps {
  children: string;
  /** Runs after the menu closes. Return `'keep-focus'` when the action moved focus itself. */
  onSelect(): undefined | 'keep-focus' | Promise<unknown>;
  disabled?: boolean;
  danger?: boolean;
}

/** A menu item (`role="menuitem"`), at least 44 px tall. */
export function MenuItem({ children, onSelect, disabled, danger }: MenuItemProps) {
  const close = useContext(MenuContext);
  return (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      aria-disabled={disabled || undefined}
      onClick={() => {
        if (disabled) return;
        const result = onSelect();
        close(result !== 'keep-focus');
      }}
      className={cn(
        'block min-h-11 w-full cursor-pointer px-3 py-2 text-left font-semibold hover:bg-neutral-100 focus-visible:bg-focus',
        'aria-disabled:cursor-not-allowed aria-disabled:font-normal aria-disabled:text-neutral-600',
        danger && 'text-danger',
      )}
    >
      {children}
    </button>
  );
}
