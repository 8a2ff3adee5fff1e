import { describe, expect, it } from "vitest";
import type { Server } from "@/lib/klikk/schemas";
import { toCsv } from "@/lib/export";
import { inventoryCsvColumns } from "./columns";
import { filterRows, parseQuery, refineRows, sameRowsOr, sortRows, toRows, warmSearchText } from "./inventory";
import { orderIdsByItem } from "./orders";
import { profilesOf } from "./profiles";
import { resourcesByProfile, totals, totalsOfProfiles } from "./totals";

function server(id: number, name: string, patch: Partial<Server> = {}): Server {
  return {
    id,
    name,
    cpu: 2,
    memory: 2048,
    is_running: 1,
    customer_id: 310,
    order_item_id: 1000 + id,
    networks: [{ id: id * 10, ifindex: 0, name: "Public LAN", ipv4: `100.64.0.${id}`, ipv6: `2001:db8:4b::${id.toString(16)}` }],
    storages: [{ id: id * 10, lun: 0, name: "NVM SSD", size: 40_000 }],
    ...patch,
  };
}

const servers: Server[] = [
  server(1, "web-1"),
  server(2, "web-10", { is_running: 0, cpu: 8 }),
  server(3, "web-2", { customer_id: 311, memory: 512 }),
  server(4, "edge-1", {
    networks: [
      { id: 41, ifindex: 1, name: "Private LAN", ipv4: "10.10.0.1", ipv6: "fd00:10::1" },
      { id: 40, ifindex: 0, name: "Public LAN", ipv4: "", ipv6: "2001:db8:4b::4" },
    ],
    storages: [
      { id: 1, lun: 0, name: "NVM SSD", size: 200_000 },
      { id: 2, lun: 1, name: "HDD", size: 500_000 },
    ],
  }),
  server(5, "orphan", { customer_id: null, order_item_id: null }),
];
const rows = toRows(servers);
const names = (list: readonly { name: string }[]) => list.map((r) => r.name);

describe("toRow", () => {
  it("takes the first addresses in ifindex order and sums the storages", () => {
    const edge = rows.find((r) => r.name === "edge-1");
    expect(edge?.ipv4).toBe("10.10.0.1");
    expect(edge?.ipv6).toBe("2001:db8:4b::4");
    expect(edge?.storageMB).toBe(700_000);
  });
});

describe("filterRows", () => {
  const all = { query: "", running: "all", profile: "all" } as const;

  it("finds a server by any address on any network", () => {
    expect(names(filterRows(rows, { ...all, query: "fd00:10::1" }))).toEqual(["edge-1"]);
    expect(names(filterRows(rows, { ...all, query: "10.10.0" }))).toEqual(["edge-1"]);
  });

  it("finds an IPv6 address whatever its case or compression", () => {
    expect(names(filterRows(rows, { ...all, query: "2001:DB8:4B:0:0:0:0:3" }))).toEqual(["web-2"]);
    expect(names(filterRows(rows, { ...all, query: "2001:0db8:004b:0000:0000:0000:0000:0003" }))).toEqual(["web-2"]);
    expect(names(filterRows(rows, { ...all, query: "FD00:0010::0001" }))).toEqual(["edge-1"]);
  });

  it("matches names case-insensitively and needs every term", () => {
    expect(names(filterRows(rows, { ...all, query: "WEB" }))).toEqual(["web-1", "web-10", "web-2"]);
    expect(names(filterRows(rows, { ...all, query: "web 100.64.0.2" }))).toEqual(["web-10"]);
  });

  it("filters by running state and by profile", () => {
    expect(names(filterRows(rows, { ...all, running: "stopped" }))).toEqual(["web-10"]);
    expect(names(filterRows(rows, { ...all, running: "running" }))).not.toContain("web-10");
    expect(names(filterRows(rows, { ...all, profile: "311" }))).toEqual(["web-2"]);
    expect(names(filterRows(rows, { ...all, profile: "none" }))).toEqual(["orphan"]);
  });

  it("gives every word's matches, alone and beside the state and profile filters", () => {
    const reference = (filter: { query: string; running: "all" | "running" | "stopped"; profile: string }) =>
      names(
        rows.filter((row) => {
          const text = `${row.name}\n${row.server.networks.map((n) => `${n.ipv4}\n${n.ipv6}`).join("\n")}`.toLowerCase();
          if (!text.includes(filter.query.toLowerCase())) return false;
          if (filter.running !== "all" && row.running !== (filter.running === "running")) return false;
          return filter.profile === "all" || String(row.profile ?? "none") === filter.profile;
        }),
      );
    for (const query of ["w", "E", "1", "0", "-", ".", "b", "x", "web", "10.", "edge-1"]) {
      for (const filter of [{ ...all, query }, { ...all, query, running: "running" as const }, { ...all, query, running: "stopped" as const }, { ...all, query, profile: "310" }]) {
        expect(names(filterRows(rows, filter)), JSON.stringify(filter)).toEqual(reference(filter));
      }
    }
    expect(names(filterRows(rows, { ...all, query: "w" }))).toEqual(["web-1", "web-10", "web-2"]);
  });

  it("builds the search text once, on first use or when warmed", () => {
    const fresh = toRows(servers.slice(0, 2));
    expect(fresh[0]?.search).toBeUndefined();
    filterRows(fresh, { ...all, query: "web" });
    expect(fresh[0]?.search).toBe("web-1\n100.64.0.1\n2001:db8:4b::1\n2001:0db8:004b:0000:0000:0000:0000:0001");
    const more = toRows(servers);
    const queue: (() => void)[] = [];
    warmSearchText(more, (next) => queue.push(next), 0);
    while (queue.length > 0) queue.shift()?.();
    expect(more.every((row) => row.search !== undefined)).toBe(true);
  });

  it("returns the same array when nothing filters", () => {
    expect(filterRows(rows, all)).toBe(rows);
  });

  it("hands on the previous result when a new one holds the same rows in the same order", () => {
    const previous = filterRows(rows, { ...all, query: "web" });
    const same = filterRows(rows, { ...all, query: "we" });
    expect(same).not.toBe(previous);
    expect(sameRowsOr(previous, same)).toBe(previous);
    const fewer = filterRows(rows, { ...all, query: "web-1" });
    expect(sameRowsOr(previous, fewer)).toBe(fewer);
    const reordered = [...previous].reverse();
    expect(sameRowsOr(previous, reordered)).toBe(reordered);
    expect(sameRowsOr(undefined, same)).toBe(same);
  });

  it("splits a query into terms with their address forms", () => {
    expect(parseQuery("  Web   ::1 ")).toEqual([["web"], ["::1", "0000:0000:0000:0000:0000:0000:0000:0001"]]);
  });
});

describe("refineRows", () => {
  it("gives filterRows' result at every step of typing, deleting and changing filters", () => {
    const steps = [
      { query: "w", running: "all", profile: "all" },
      { query: "we", running: "all", profile: "all" },
      { query: "web-1", running: "all", profile: "all" },
      { query: "web-10", running: "all", profile: "all" },
      { query: "web-1", running: "all", profile: "all" },
      { query: "web-1", running: "stopped", profile: "all" },
      { query: "web-1 ", running: "all", profile: "all" },
      { query: "web-1 100.64", running: "all", profile: "all" },
      { query: "2001:db8:4b:", running: "all", profile: "all" },
      { query: "2001:db8:4b::", running: "all", profile: "all" },
      { query: "2001:db8:4b::1", running: "all", profile: "all" },
      { query: "2001:0DB8:004b:0:0:0:0:1", running: "all", profile: "all" },
      { query: "e", running: "all", profile: "311" },
      { query: "ed", running: "all", profile: "all" },
      { query: "", running: "all", profile: "all" },
    ] as const;
    const sorted = sortRows(rows, "name", "asc");
    for (const filter of steps) expect(names(refineRows(sorted, filter)), filter.query).toEqual(names(filterRows(sorted, filter)));
  });

  it("filters the previous result when the query only grows", () => {
    const many = toRows(Array.from({ length: 50 }, (_, i) => server(500 + i, `gen-${i}`)));
    const first = refineRows(many, { query: "gen-1", running: "all", profile: "all" });
    // A row left out by the first step is not looked at again: its search text stays unbuilt.
    const untouched = many.find((r) => r.name === "gen-20");
    untouched!.search = undefined;
    expect(names(refineRows(many, { query: "gen-12", running: "all", profile: "all" }))).toEqual(["gen-12"]);
    expect(untouched?.search).toBeUndefined();
    expect(first.length).toBe(11);
  });

  it("hands on the last result when the new one holds the same rows", () => {
    const sorted = sortRows(rows, "name", "asc");
    const web = refineRows(sorted, { query: "web", running: "all", profile: "all" });
    expect(refineRows(sorted, { query: "web-", running: "all", profile: "all" })).toBe(web);
    expect(refineRows(sorted, { query: "web-1", running: "all", profile: "all" })).not.toBe(web);
  });
});

describe("sortRows", () => {
  it("sorts names naturally, both ways", () => {
    expect(names(sortRows(rows, "name", "asc"))).toEqual(["edge-1", "orphan", "web-1", "web-2", "web-10"]);
    expect(names(sortRows(rows, "name", "desc"))).toEqual(["web-10", "web-2", "web-1", "orphan", "edge-1"]);
  });

  it("sorts numbers and addresses numerically with ties by name", () => {
    expect(names(sortRows(rows, "cpu", "desc"))[0]).toBe("web-10");
    expect(names(sortRows(rows, "memory", "asc"))[0]).toBe("web-2");
    expect(names(sortRows(rows, "ipv4", "asc"))).toEqual(["edge-1", "web-1", "web-10", "web-2", "orphan"]);
    expect(names(sortRows(rows, "storage", "desc"))[0]).toBe("edge-1");
    expect(names(sortRows(rows, "state", "asc")).at(-1)).toBe("web-10");
    expect(names(sortRows(rows, "profile", "asc")).at(-1)).toBe("orphan");
  });

  it("does not change its input", () => {
    const before = names(rows);
    sortRows(rows, "cpu", "desc");
    expect(names(rows)).toEqual(before);
  });
});

describe("totals and per profile", () => {
  it("adds up servers, running, vCPUs, memory and storage", () => {
    expect(totals(rows)).toEqual({ servers: 5, running: 4, cpus: 16, memoryMiB: 2048 * 4 + 512, storageMB: 4 * 40_000 + 700_000 });
  });

  it("splits resources per profile into running and all", () => {
    const per = resourcesByProfile(rows);
    expect(per.map((p) => p.profile)).toEqual([310, 311, null]);
    expect(per[0]?.all.cpus).toBe(12);
    expect(per[0]?.running.cpus).toBe(4);
    expect(profilesOf(servers)).toEqual([310, 311, null]);
  });

  it("adds the profiles up to the totals of all their rows", () => {
    expect(totalsOfProfiles(resourcesByProfile(rows))).toEqual(totals(rows));
    expect(totalsOfProfiles([])).toEqual(totals([]));
  });
});

describe("export", () => {
  it("exports rows as CSV with the order id when it is known", () => {
    const map = orderIdsByItem([{ order_id: 70, order_items: [{ id: 1001 }] }]);
    const csv = toCsv(rows.slice(0, 1), inventoryCsvColumns(map));
    expect(csv.split("\r\n")[1]).toBe("1,web-1,running,2,2,40,100.64.0.1,2001:db8:4b::1,100.64.0.1 2001:db8:4b::1,310,1001,70");
  });
});

describe("20,000 servers", () => {
  // Correctness at full size only: how fast is measured by `npm run bench:inventory`, not here.
  // The wall-clock bounds this test had failed on a loaded machine (a 200 ms filter took 557 ms
  // at load 10), which a test of behaviour must not.
  it("builds, sorts and filters the whole list", () => {
    const many: Server[] = Array.from({ length: 20_000 }, (_, i) => server(100_001 + i, `gen-${String(i + 1).padStart(5, "0")}`));
    const big = toRows(many);
    expect(big).toHaveLength(20_000);
    const sorted = sortRows(big, "name", "desc");
    expect(sorted[0]!.name).toBe("gen-20000");
    expect(sorted.at(-1)!.name).toBe("gen-00001");
    const found = filterRows(sorted, { query: "gen-1999", running: "all", profile: "all" });
    expect(found.map((row) => row.name)).toEqual(Array.from({ length: 10 }, (_, i) => `gen-1999${9 - i}`));
  });
});
