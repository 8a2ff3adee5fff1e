/**
 * The pure half of list state in the URL: reading values with defaults, and merging changes
 * into a query string. Empty values and defaults are dropped so URLs stay short.
 */

export function readSearch<K extends string>(search: URLSearchParams, defaults: Record<K, string>): Record<K, string> {
  return Object.fromEntries((Object.keys(defaults) as K[]).map((key) => [key, search.get(key) ?? defaults[key]])) as Record<K, string>;
}

/** `current` with `changes` applied; keys not named in `changes` stay as they are. */
export function mergeSearch<K extends string>(current: string, changes: Partial<Record<K, string>>, defaults: Record<K, string>): string {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes) as [K, string | undefined][]) {
    if (value === undefined || value === "" || value === defaults[key]) next.delete(key);
    else next.set(key, value);
  }
  return next.toString();
}
