"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

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

const itemClasses =
  "flex w-full items-center px-3 py-2 text-left text-sm hover:bg-slate-100 focus:bg-slate-100 focus:outline-none dark:hover:bg-slate-800 dark:focus:bg-slate-800";

/**
 * A button that opens a short list of actions (the WAI-ARIA menu button pattern): arrow keys,
 * Home and End move between items, Escape closes and returns focus to the button, Tab or a
 * click elsewhere closes. Used for quiet row actions and the user menu, so destructive actions
 * sit one deliberate step away instead of beside every row.
 */
export function Menu({ label, trigger, items, header, triggerClassName = "", disabled = false }: Props) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  const menuItems = () => [...(listRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"], [role="menuitemradio"]') ?? [])];

  useEffect(() => {
    if (!open) return;
    menuItems()[0]?.focus();
    const onPointer = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const all = menuItems();
    const index = all.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      all[(to + all.length) % all.length]?.focus();
    };
    if (event.key === "ArrowDown") move(index + 1);
    else if (event.key === "ArrowUp") move(index - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(all.length - 1);
    else if (event.key === "Escape") {
      event.preventDefault();
      close(true);
    } else if (event.key === "Tab") setOpen(false);
  }

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
        className={triggerClassName}
      >
        {trigger}
      </button>
      {open ? (
        <div
          ref={listRef}
          id={`${id}-menu`}
          role="menu"
          aria-label={label}
          onKeyDown={handleKeyDown}
          className="absolute right-0 z-30 mt-1 min-w-48 max-w-[calc(100vw-2rem)] overflow-hidden rounded-md border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {header ? (
            <div role="none" className="border-b border-slate-200 px-3 py-2 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-300">
              {header}
            </div>
          ) : null}
          {items.map((item) =>
            "href" in item ? (
              <Link key={item.key} role="menuitem" tabIndex={-1} href={item.href} className={itemClasses} onClick={() => setOpen(false)}>
                {item.label}
              </Link>
            ) : (
              <button
                key={item.key}
                type="button"
                role={item.checked === undefined ? "menuitem" : "menuitemradio"}
                aria-checked={item.checked}
                tabIndex={-1}
                className={`${itemClasses} ${item.danger ? "text-red-700 dark:text-red-300" : ""}`}
                onClick={() => {
                  // Focus back on the trigger first: an action that opens a dialog then has the
                  // trigger as its opener, and focus returns there when the dialog closes.
                  buttonRef.current?.focus();
                  setOpen(false);
                  item.onSelect();
                }}
              >
                {item.checked === undefined ? null : (
                  <span aria-hidden="true" className="mr-2 inline-block w-3">
                    {item.checked ? "✓" : ""}
                  </span>
                )}
                {item.label}
              </button>
            ),
          )}
        </div>
      ) : null}
    </div>
  );
}
