/**
 * The inventory's view as its URL states it: sort key and direction, and the running filter.
 * Apart from the row logic (inventory.ts) because the page's first load reads them too.
 */
export const SORT_KEYS = ["name", "state", "cpu", "memory", "storage", "ipv4", "ipv6", "account", "profile", "order"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = "asc" | "desc";
export type RunningFilter = "all" | "running" | "stopped";

export function isSortKey(value: string): value is SortKey {
  return (SORT_KEYS as readonly string[]).includes(value);
}
