"use client";

import { lazy, Suspense, useId, useRef, useState, type ReactNode } from "react";

/** One entry: an action, or a link to another page. `danger` marks destructive actions in words and colour. */
export type MenuItem =
  | { key: string; label: string; onSelect: () => void; danger?: boolean; /** A choice of one (menuitemradio): shown ticked. */ checked?: boolean }
  | { key: string; label: string; href: string };

type Props = {
  /** The trigger's accessible name, starting with its visible text ("Actions for order 70"). */
  label: string;
  /** What the trigger shows. */
  trigger: ReactNode;
  items: readonly MenuItem[];
  /** Text above the items (the user menu's "Signed in with ..."); not focusable. */
  header?: ReactNode;
  triggerClassName?: string;
  /** The trigger is shown but cannot open (e.g. read-only access: every action in it is off). */
  disabled?: boolean;
};

// The items and their keyboard handling load on first open (or when the pointer or focus
// reaches the trigger): every signed-in page has the user menu, and only the trigger is needed
// to paint it. React's own lazy, as next/dynamic's loader costs about 1 kB gzip of every first load.
const loadList = () => import("./menu-list");
const MenuList = lazy(() => loadList().then((m) => ({ default: m.MenuList })));

/**
 * A button that opens a short list of actions (the WAI-ARIA menu button pattern): arrow keys,
 * Home and End move between items, Escape closes and returns focus to the button, Tab or a
 * click elsewhere closes. Used for quiet row actions and the user menu, so destructive actions
 * sit one deliberate step away instead of beside every row. A click before the list's code is
 * in is not lost: the menu is open from that click on and shows its items as soon as they load.
 */
export function Menu({ label, trigger, items, header, triggerClassName = "", disabled = false }: Props) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  return (
    <div ref={rootRef} className="relative inline-block">
      <button
        ref={buttonRef}
        type="button"
        aria-label={label}
        aria-haspopup="menu"
        disabled={disabled}
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
        onPointerEnter={() => void loadList()}
        onFocus={() => void loadList()}
        className={triggerClassName}
      >
        {trigger}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <MenuList id={`${id}-menu`} label={label} items={items} header={header} rootRef={rootRef} buttonRef={buttonRef} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </div>
  );
}
