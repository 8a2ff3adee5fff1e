/**
 * Profiles (the upstream's customer_id) as the inventory's filter lists them. Kept apart from
 * the row logic in inventory.ts: the filter is in the page's first load, the rows are not.
 */

/** Numbers ascending, null last: the order of profiles and of order items. */
export const compareNullable = (a: number | null, b: number | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a - b);

type Profiled = { customer_id: number | null };

/** Per server list: the inventory's rows builder collects them while the list downloads. */
const known = new WeakMap<readonly Profiled[], readonly (number | null)[]>();

/** The distinct profiles of the servers, for the filter. */
export function profilesOf(servers: readonly Profiled[]): readonly (number | null)[] {
  const cached = known.get(servers);
  if (cached) return cached;
  const seen = new Set<number | null>();
  for (const server of servers) seen.add(server.customer_id);
  return provideProfiles(servers, seen);
}

/** Records the profiles seen in `servers` (a pass over 20,000 of them at the first render otherwise). */
export function provideProfiles(servers: readonly Profiled[], seen: ReadonlySet<number | null>): readonly (number | null)[] {
  const profiles = [...seen].sort(compareNullable);
  known.set(servers, profiles);
  return profiles;
}

export function profileLabel(profile: number | null): string {
  return profile === null ? "No profile" : `Profile ${profile}`;
}
