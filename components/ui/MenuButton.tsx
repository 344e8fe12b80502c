'use client';
/**
 * A WAI-ARIA menu button (APG "menu button" pattern): Enter, Space or ArrowDown opens the
 * menu on its first item, ArrowUp on its last; arrows, Home and End move; Escape closes and
 * returns focus to the button; Tab closes and moves on. The menu opens in the flow of the
 * page (not floating), so it is never clipped and works at 320 px and 400% zoom.
 */
import {
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { cn } from './cn';
import { MenuContext } from './MenuItem';

/** Props of `MenuButton`: the button's visible content, its accessible name, and the items. */
export interface MenuButtonProps {
  /** What the button shows (an icon and/or short words). */
  children: ReactNode;
  /** The button's accessible name, e.g. "Card actions, Card 2 in Decisions"; starts with any visible words. */
  label: string;
  /** `MenuItem`s, in order. */
  items: ReactNode;
  /** Extra attributes for the button (e.g. `data-focus`). */
  buttonProps?: Record<string, string>;
  className?: string;
}

function itemsOf(menu: HTMLElement | null): HTMLElement[] {
  return menu ? [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')] : [];
}

/** A button that opens a menu of actions. */
export function MenuButton({ children, label, items, buttonProps, className }: MenuButtonProps) {
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const all = itemsOf(menuRef.current);
    (open === 'last' ? all.at(-1) : all[0])?.focus();
  }, [open]);

  // A press anywhere else on the page closes the menu.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (target && !menuRef.current?.contains(target) && !buttonRef.current?.contains(target))
        setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open]);

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }, []);

  function onButtonKey(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(event.key === 'ArrowUp' ? 'last' : 'first');
    }
  }

  function onMenuKey(event: KeyboardEvent<HTMLDivElement>) {
    const all = itemsOf(menuRef.current);
    const at = all.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => {
      event.preventDefault();
      all[(i + all.length) % all.length]?.focus();
    };
    if (event.key === 'ArrowDown') go(at + 1);
    else if (event.key === 'ArrowUp') go(at - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(all.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') {
      // Focus the button first, so the Tab itself moves on from there as the page reads.
      close(true);
    }
  }

  return (
    <div className={cn('contents', className)}>
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open ? 'true' : 'false'}
        aria-controls={open ? menuId : undefined}
        aria-label={label}
        onClick={() => (open ? close(true) : setOpen('first'))}
        onKeyDown={onButtonKey}
        className="inline-flex min-h-10 min-w-10 shrink-0 cursor-pointer items-center justify-center gap-1 rounded-md border-2 border-ink bg-white px-1.5 font-semibold text-ink text-sm hover:bg-neutral-100"
        {...buttonProps}
      >
        {children}
      </button>
      {open && (
        <MenuContext.Provider value={close}>
          <div
            ref={menuRef}
            id={menuId}
            role="menu"
            aria-label={label}
            onKeyDown={onMenuKey}
            onBlur={(event) => {
              // Clicking or tabbing away closes the menu; moving between its items does not.
              const next = event.relatedTarget as Node | null;
              if (next && !event.currentTarget.contains(next) && next !== buttonRef.current)
                close(false);
            }}
            className="order-last w-full basis-full flex flex-col divide-y divide-neutral-300 rounded-md border-2 border-ink bg-white text-ink shadow-md"
          >
            {items}
          </div>
        </MenuContext.Provider>
      )}
    </div>
  );
}
