"use client";

import { formatCount } from "@/lib/format/numbers";
import type { PaletteGroup, PaletteItem } from "@/lib/palette/search";

/** The id of an option's element, for aria-activedescendant. */
export const optionId = (listId: string, item: PaletteItem) => `${listId}-${item.key}`;

type Props = {
  listId: string;
  groups: readonly PaletteGroup[];
  active: PaletteItem | undefined;
  total: number;
  onHover: (item: PaletteItem) => void;
  onChoose: (item: PaletteItem) => void;
};

/**
 * The listbox of the ARIA combobox pattern: options in labelled groups, never focused themselves
 * (the input keeps focus and points at the active one). `data-result-count` lets the inventory
 * bench see when a keystroke's result is on screen.
 */
export function PaletteResults({ listId, groups, active, total, onHover, onChoose }: Props) {
  return (
    <div id={listId} role="listbox" aria-label="Results" data-result-count={total} className="max-h-[min(60dvh,28rem)] overflow-y-auto">
      {groups.map((group) => {
        const labelId = `${listId}-group-${group.name}`;
        return (
          <div key={group.name} role="group" aria-labelledby={labelId} className="py-1">
            <div id={labelId} role="presentation" className="px-2 py-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
              {group.name}
              {group.total > group.items.length ? ` (${group.items.length} of ${formatCount(group.total)})` : ""}
            </div>
            {group.items.map((item) => {
              const selected = item.key === active?.key;
              return (
                <div
                  key={item.key}
                  id={optionId(listId, item)}
                  role="option"
                  aria-selected={selected}
                  // Keep focus in the input: a mouse press would otherwise blur it before the click.
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseMove={() => onHover(item)}
                  onClick={() => onChoose(item)}
                  className={`cursor-pointer rounded-md px-2 py-1.5 ${selected ? "bg-blue-700 text-white dark:bg-blue-400 dark:text-slate-950" : "text-slate-900 dark:text-slate-100"}`}
                >
                  <span className="block truncate font-medium">{item.label}</span>
                  {item.detail ? <span className={`block truncate text-xs ${selected ? "" : "text-slate-600 dark:text-slate-300"}`}>{item.detail}</span> : null}
                </div>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}
