"use client";

import { AppLink as Link } from "@/components/ui/app-link";
import { useEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from "react";
import type { MenuItem } from "@/components/ui/menu";

const itemClasses =
  "flex w-full items-center px-3 py-2 text-left text-sm hover:bg-slate-100 focus:bg-slate-100 focus:outline-none dark:hover:bg-slate-800 dark:focus:bg-slate-800";

type Props = {
  id: string;
  label: string;
  items: readonly MenuItem[];
  header?: ReactNode;
  /** The menu's wrapper: a pointer press outside it closes the menu. */
  rootRef: RefObject<HTMLDivElement | null>;
  /** The trigger: focus returns there on Escape and before an item's action runs. */
  buttonRef: RefObject<HTMLButtonElement | null>;
  onClose: () => void;
};

/**
 * The open part of a Menu: the items and their keyboard handling. Loaded with the first opening
 * (see menu.tsx), so it mounts open and takes focus at once.
 */
export function MenuList({ id, label, items, header, rootRef, buttonRef, onClose }: Props) {
  const listRef = useRef<HTMLDivElement>(null);
  const menuItems = () => [...(listRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"], [role="menuitemradio"]') ?? [])];

  useEffect(() => {
    menuItems()[0]?.focus();
    const onPointer = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) onClose();
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
    // Once per opening: the list mounts when the menu opens and unmounts when it closes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

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
      onClose();
      buttonRef.current?.focus();
    } else if (event.key === "Tab") onClose();
  }

  return (
    <div
      ref={listRef}
      id={id}
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
          <Link key={item.key} role="menuitem" tabIndex={-1} href={item.href} className={itemClasses} onClick={onClose}>
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
              onClose();
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
  );
}
