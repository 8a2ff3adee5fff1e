"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from "react";
import { chooseTheme } from "@/components/shell/theme";
import { useSignOut } from "@/components/shell/use-sign-out";
import { Dialog } from "@/components/ui/dialog";
import { countOf, formatCount } from "@/lib/format/numbers";
import { searchPalette, type PaletteGroup, type PaletteItem } from "@/lib/palette/search";
import { ordersQueryOptions } from "@/lib/queries/orders";
import { serversQueryOptions } from "@/lib/queries/servers";
import { rowsOf, warmSearchText } from "@/lib/servers/inventory";
import { optionId, PaletteResults } from "./palette-results";

/** A "see them all" entry when a group has more than it shows: the list's own search takes over. */
function withMore(groups: PaletteGroup[], query: string): PaletteGroup[] {
  const q = encodeURIComponent(query.trim());
  return groups.map((group) => {
    if (group.total <= group.items.length || (group.name !== "Servers" && group.name !== "Orders")) return group;
    const what = group.name === "Servers" ? "servers" : "orders";
    const more: PaletteItem = { key: `more-${what}`, label: `All ${formatCount(group.total)} matching ${what}`, href: `/${what}?q=${q}` };
    return { ...group, items: [...group.items, more] };
  });
}

/**
 * The command palette: one box for orders, servers, pages and actions, on the ARIA combobox
 * pattern inside a modal dialog (Escape closes it and focus returns to where it was). It searches
 * what the query cache holds and loads what is missing once (staleTime: Infinity here: a palette
 * is for jumping, the pages keep their own data fresh).
 */
export function CommandPalette({ onClose }: { onClose: () => void }) {
  const router = useRouter();
  const { signOut } = useSignOut();
  const [open, setOpen] = useState(true);
  const [query, setQuery] = useState("");
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const listId = useId();
  const orders = useQuery({ ...ordersQueryOptions(), staleTime: Infinity });
  const servers = useQuery({ ...serversQueryOptions(), staleTime: Infinity });

  // The search text of every server, built in idle slices (shared with the inventory, so often ready already).
  useEffect(() => {
    if (!servers.data) return;
    const schedule =
      typeof window.requestIdleCallback === "function"
        ? (next: () => void) => void window.requestIdleCallback(next, { timeout: 200 })
        : (next: () => void) => void setTimeout(next, 0);
    return warmSearchText(rowsOf(servers.data), schedule);
  }, [servers.data]);

  // The results in the keystroke's own render, as the inventory's search (inventory-results.tsx):
  // over 20,000 servers the search takes a few milliseconds, and deferring it to a render of its
  // own only added a task, often a frame, before the results.
  const groups = useMemo(() => withMore(searchPalette(query, { orders: orders.data, servers: servers.data }), query), [query, orders.data, servers.data]);
  const flat = useMemo(() => groups.flatMap((g) => g.items), [groups]);
  const active = flat.find((item) => item.key === activeKey) ?? flat[0];
  const total = groups.reduce((sum, g) => sum + g.total, 0);
  const loading = (orders.isPending || servers.isPending) && query.trim() !== "";

  useEffect(() => {
    if (active) document.getElementById(optionId(listId, active))?.scrollIntoView({ block: "nearest" });
  }, [active, listId]);

  function choose(item: PaletteItem) {
    setOpen(false);
    if (item.href) router.push(item.href);
    else if (item.action === "sign-out-everywhere") void signOut({ everywhere: true });
    else if (item.action === "theme-light") chooseTheme("light");
    else if (item.action === "theme-dark") chooseTheme("dark");
    else if (item.action === "theme-system") chooseTheme("system");
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (flat.length === 0) return;
      const index = active ? flat.indexOf(active) : -1;
      const next = event.key === "ArrowDown" ? (index + 1) % flat.length : (index - 1 + flat.length) % flat.length;
      setActiveKey(flat[next]!.key);
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (active) choose(active);
    }
  }

  return (
    <Dialog open={open} onClose={onClose} title="Search">
      <div className="-mt-2 space-y-2">
        <input
          autoFocus
          type="text"
          role="combobox"
          aria-label="Search orders, servers, pages and actions"
          aria-expanded={flat.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active ? optionId(listId, active) : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder="Server name, address, order id, page…"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActiveKey(null);
          }}
          onKeyDown={handleKeyDown}
          className="w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-600 dark:border-slate-500 dark:bg-slate-950 dark:text-slate-100 dark:placeholder:text-slate-400"
        />
        <p role="status" className="text-xs text-slate-600 dark:text-slate-300">
          {loading ? "Loading orders and servers…" : query.trim() === "" ? "Type to find orders and servers; ↑ ↓ to move, Enter to open." : total === 0 ? "Nothing matches." : countOf(total, { one: "result", other: "results" })}
        </p>
        <PaletteResults listId={listId} groups={groups} active={active} total={total} onHover={(item) => setActiveKey(item.key)} onChoose={choose} />
      </div>
    </Dialog>
  );
}
