import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';

/** Where a menu opens: on its first item (or its checked one), or on its last. */
export type MenuOpening = false | 'first' | 'last';

function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return [...(menu?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not(:disabled)') ?? [])];
}

/**
 * A menu button in the ARIA sense, as the toolbar's menus behave: Enter, Space or ↓ open it on
 * its first item (its checked item, when it has one) and ↑ on its last; the arrows, Home and End
 * move; Esc closes it and gives the keyboard back to the button; Tab or a click elsewhere closes
 * it. `done()` closes it and puts the keyboard on the button first, so a dialog opened from the
 * menu gives the keyboard back to the button when it closes.
 */
export function useMenuButton() {
  const [open, setOpen] = useState<MenuOpening>(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const buttonId = useId();
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const list = menuItems(menu.current);
    const checked = list.find((item) => item.getAttribute('aria-checked') === 'true');
    (open === 'last' ? list.at(-1) : (checked ?? list[0]))?.focus();
    const onDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    window.addEventListener('pointerdown', onDown, true);
    return () => window.removeEventListener('pointerdown', onDown, true);
  }, [open]);

  const onMenuKey = (event: KeyboardEvent) => {
    event.stopPropagation(); // the menu's keys are not the canvas's
    const list = menuItems(menu.current);
    const at = list.indexOf(document.activeElement as HTMLElement);
    const to = (i: number) => {
      event.preventDefault();
      list[(i + list.length) % list.length]?.focus();
    };
    if (event.key === 'ArrowDown') to(at + 1);
    else if (event.key === 'ArrowUp') to(at - 1);
    else if (event.key === 'Home') to(0);
    else if (event.key === 'End') to(list.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
    } else if (event.key === 'Tab') setOpen(false);
  };

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      event.stopPropagation();
      setOpen(event.key === 'ArrowUp' ? 'last' : 'first');
    }
  };

  const done = () => {
    setOpen(false);
    button.current?.focus();
  };

  return { open, setOpen, button, menu, buttonId, menuId, onMenuKey, onButtonKey, done };
}
