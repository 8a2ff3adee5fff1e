import { describe, expect, it } from "vitest";
import type { Server } from "@/lib/klikk/schemas";
import { rowsOf, sortRows, toRows } from "./inventory";
import { profilesOf } from "./profiles";
import { RowsBuilder } from "./rows-builder";

const server = (id: number, name: string): Server & { account?: string } => ({
  id,
  name,
  cpu: 1,
  memory: 1024,
  is_running: 1,
  customer_id: 310,
  order_item_id: null,
  networks: [],
  storages: [],
});

/** Builds in batches of `size`, tags, finishes: what the servers query does with the list. */
function build(list: (Server & { account?: string })[], size: number): void {
  const builder = new RowsBuilder();
  for (let i = 0; i < list.length - 1; i += size) builder.add(list.slice(i, Math.min(i + size, list.length - 1)));
  list.forEach((s, i) => (s.account = i < 3 ? "a" : "b"));
  builder.finish(list);
}

describe("RowsBuilder", () => {
  it("gives rowsOf the rows it made, with the accounts known only at the end", () => {
    const list = Array.from({ length: 10 }, (_, i) => server(i + 1, `gen-${i + 1}`));
    build(list, 3);
    const rows = rowsOf(list);
    expect(rows.map((r) => r.server)).toEqual(list);
    expect(rows.map((r) => r.account)).toEqual([..."aaa", ..."bbbbbbb"]);
    expect(rows).toEqual(toRows(list).map((row, i) => ({ ...row, account: i < 3 ? "a" : "b" })));
    expect(profilesOf(list)).toEqual([310]);
  });

  it("sorts by name as sortRows does, whether the list came in name order or not", () => {
    const ordered = [server(1, "app-2"), server(3, "app-10"), server(2, "app-10"), server(4, "web-1")];
    const shuffled = [ordered[2]!, ordered[0]!, ordered[3]!, ordered[1]!].map((s) => ({ ...s }));
    for (const list of [ordered, shuffled]) {
      build(list, 2);
      const names = sortRows(rowsOf(list), "name", "asc").map((r) => `${r.name}#${r.id}`);
      expect(names).toEqual(["app-2#1", "app-10#2", "app-10#3", "web-1#4"]);
      // Descending names, equal names still by id.
      expect(sortRows(rowsOf(list), "name", "desc").map((r) => r.id)).toEqual([4, 2, 3, 1]);
    }
  });

  it("leaves a list it was not built from to rowsOf", () => {
    const list = [server(1, "a"), server(2, "b")];
    const builder = new RowsBuilder();
    builder.add([server(9, "z")]);
    builder.finish(list);
    expect(rowsOf(list).map((r) => r.id)).toEqual([1, 2]);
  });
});

describe("RowsBuilder's name order", () => {
  it("matches sortRows for lists nearly in order, out of order and in reverse", () => {
    const gen = (n: number, from = 0) => Array.from({ length: n }, (_, i) => server(1000 + from + i, `gen-${from + i}`));
    const lists = [
      [server(1, "web-2"), server(2, "app-1"), server(3, "zzz"), server(4, "db-1"), ...gen(300), server(5, "gen-150"), server(6, "gen-10")],
      [...gen(200, 100), ...gen(100)],
      gen(200).reverse(),
      [server(7, "b"), server(8, "a"), server(9, "b")],
    ];
    for (const list of lists) {
      const expected = sortRows(toRows(list), "name", "asc").map((r) => r.id);
      build(list, 7);
      expect(sortRows(rowsOf(list), "name", "asc").map((r) => r.id)).toEqual(expected);
    }
  });
});
