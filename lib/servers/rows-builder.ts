/**
 * The inventory's rows, made while the server list downloads (servers-stream.ts hands on each
 * batch it parses), so the first render after the last byte finds them made: building 20,000
 * rows and sorting them by name took 15-90 ms between the data's arrival and the first rows
 * (marks in the inventory, 2 cores, cold code).
 *
 * The name order too: the API lists servers nearly in name order (a few seeded ones, then
 * thousands in order), so the builder notes, one comparison per row as they come, where the
 * list steps back. At the end the rows outside the longest ordered run, if they are few, are
 * sorted alone and merged into it by binary search, and sortRows only copies the result. A
 * list in another order is sorted by sortRows as before.
 */
import type { Server } from "@/lib/klikk/schemas";
import { compareNames } from "./natural-order";
import { provideRows, toRow, type InventoryRow } from "./inventory";
import { provideProfiles } from "./profiles";

/** The default sort's order: name, then id (as sortRows orders by name ascending). */
const byName = (a: InventoryRow, b: InventoryRow) => compareNames(a.name, b.name) || a.id - b.id;

export class RowsBuilder {
  private readonly rows: InventoryRow[] = [];
  /** Where each ordered run starts; the first at 0. */
  private readonly runStarts: number[] = [0];
  /** The profiles seen, for the profile filter (profilesOf). */
  private readonly profiles = new Set<number | null>();

  /** The next servers of the list, in list order. */
  add(servers: readonly Server[]): void {
    const rows = this.rows;
    for (let i = 0; i < servers.length; i++) {
      const row = toRow(servers[i]!);
      this.profiles.add(row.profile);
      const last = rows[rows.length - 1];
      if (last && byName(last, row) > 0) this.runStarts.push(rows.length);
      rows.push(row);
    }
  }

  /**
   * The complete list, tagged with its accounts: rows for the servers not yet added, each
   * row's account (known only now when the answer lists its sources last), and the rows with
   * their name order go to rowsOf. A list that is not the one the rows were made from is left
   * to rowsOf.
   */
  finish(servers: readonly (Server & { account?: string })[]): void {
    const rows = this.rows;
    if (rows.length > servers.length || rows.some((row, i) => row.server !== servers[i])) return;
    this.add(servers.slice(rows.length));
    // Set once, before anyone sees the rows: toRow's own field, read-only for everyone else.
    for (let i = 0; i < rows.length; i++) (rows[i] as { account: string }).account = servers[i]!.account ?? "";
    provideRows(servers, rows, this.nameOrder());
    provideProfiles(servers, this.profiles);
  }

  /** The rows in name order, when that is cheap from the runs noted in add(). */
  private nameOrder(): InventoryRow[] | undefined {
    const rows = this.rows;
    const starts = [...this.runStarts, rows.length];
    let longest = 0;
    for (let r = 1; r < starts.length - 1; r++) if (starts[r + 1]! - starts[r]! > starts[longest + 1]! - starts[longest]!) longest = r;
    const from = starts[longest]!;
    const to = starts[longest + 1]!;
    const others = [...rows.slice(0, from), ...rows.slice(to)];
    // Many out of order: a plain sort is as good.
    if (others.length > Math.max(64, rows.length / 16)) return undefined;
    others.sort(byName);
    const out: InventoryRow[] = [];
    let at = from;
    for (const row of others) {
      // The first row of the run after `row`.
      let lo = at;
      let hi = to;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (byName(rows[mid]!, row) < 0) lo = mid + 1;
        else hi = mid;
      }
      for (; at < lo; at++) out.push(rows[at]!);
      out.push(row);
    }
    for (; at < to; at++) out.push(rows[at]!);
    return out;
  }
}
