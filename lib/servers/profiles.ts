/**
 * Profiles (the upstream's customer_id) as the inventory's filter lists them. Kept apart from
 * the row logic in inventory.ts: the filter is in the page's first load, the rows are not.
 */

/** Numbers ascending, null last: the order of profiles and of order items. */
export const compareNullable = (a: number | null, b: number | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a - b);

/** The distinct profiles of the servers, for the filter. */
export function profilesOf(servers: readonly { customer_id: number | null }[]): (number | null)[] {
  const seen = new Set<number | null>();
  for (const server of servers) seen.add(server.customer_id);
  return [...seen].sort(compareNullable);
}

export function profileLabel(profile: number | null): string {
  return profile === null ? "No profile" : `Profile ${profile}`;
}
