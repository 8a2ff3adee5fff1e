/**
 * Totals of the inventory's rows, overall and per profile or account, for the summary under the
 * table. One pass over the rows shown; the grand totals are the sum of the few groups.
 */
import type { InventoryRow } from "./inventory";
import { compareNullable } from "./profiles";

export type Totals = { servers: number; running: number; cpus: number; memoryMiB: number; storageMB: number };

/**
 * The summary line's figures, on the first render and on every result over up to 20,000 rows:
 * local sums in an indexed loop, which runs fast even before the engine has optimised it (an
 * iterator and a call per row made it several times slower there).
 */
export function totals(rows: readonly InventoryRow[]): Totals {
  let running = 0;
  let cpus = 0;
  let memoryMiB = 0;
  let storageMB = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.running) running++;
    cpus += row.cpu;
    memoryMiB += row.memoryMiB;
    storageMB += row.storageMB;
  }
  return { servers: rows.length, running, cpus, memoryMiB, storageMB };
}

export type ProfileResources = { profile: number | null; all: Totals; running: Totals };

/** Resources per profile, split into running and all, ordered by profile id (none last). */
export function resourcesByProfile(rows: readonly InventoryRow[]): ProfileResources[] {
  return resourcesBy(rows, (row) => row.profile)
    .map(({ key, all, running }) => ({ profile: key, all, running }))
    .sort((a, b) => compareNullable(a.profile, b.profile));
}

export type AccountResources = { account: string; all: Totals; running: Totals };

/** Resources per session account (issue 15), in the order the accounts first appear. */
export function resourcesByAccount(rows: readonly InventoryRow[]): AccountResources[] {
  return resourcesBy(rows, (row) => row.account).map(({ key, all, running }) => ({ account: key, all, running }));
}

function resourcesBy<K>(rows: readonly InventoryRow[], keyOf: (row: InventoryRow) => K): { key: K; all: Totals; running: Totals }[] {
  const groups = new Map<K, { key: K; all: Totals; running: Totals }>();
  const empty = (): Totals => ({ servers: 0, running: 0, cpus: 0, memoryMiB: 0, storageMB: 0 });
  for (const row of rows) {
    const key = keyOf(row);
    let entry = groups.get(key);
    if (!entry) {
      entry = { key, all: empty(), running: empty() };
      groups.set(key, entry);
    }
    // No array per row to loop over: this runs over every shown row on each search result.
    addRow(entry.all, row);
    if (row.running) addRow(entry.running, row);
  }
  return [...groups.values()];
}

function addRow(t: Totals, row: InventoryRow): void {
  t.servers++;
  if (row.running) t.running++;
  t.cpus += row.cpu;
  t.memoryMiB += row.memoryMiB;
  t.storageMB += row.storageMB;
}

/** The sum of the groups' totals: the totals of their rows, without another pass over them. */
export function totalsOfProfiles(profiles: readonly { all: Totals }[]): Totals {
  const t: Totals = { servers: 0, running: 0, cpus: 0, memoryMiB: 0, storageMB: 0 };
  for (const { all } of profiles) {
    t.servers += all.servers;
    t.running += all.running;
    t.cpus += all.cpus;
    t.memoryMiB += all.memoryMiB;
    t.storageMB += all.storageMB;
  }
  return t;
}
