import { describe, expect, it } from "vitest";
import type { Server } from "@/lib/klikk/schemas";
import { defaultAccountLabel, labelOf, type PublicAccount } from "./accounts";
import { tagOrders, type OrdersAnswer } from "./tag-orders";
import { tagServers } from "./tag-servers";

const server = (id: number) => ({ id, name: `s-${id}` }) as unknown as Server;

describe("account labels", () => {
  it("names an unnamed account by its username or its token's last characters, never more", () => {
    expect(defaultAccountLabel({ method: "digest", username: "demo" })).toBe("demo");
    expect(defaultAccountLabel({ method: "token", tokenHint: "1a2b" })).toBe("Token …1a2b");
    expect(defaultAccountLabel({ method: "token" })).toBe("Account token");
  });

  it("looks a key up among the session's accounts, and says so when the account has gone", () => {
    const accounts = [{ key: "k1", label: "Demo AS" }] as PublicAccount[];
    expect(labelOf(accounts, "k1")).toBe("Demo AS");
    expect(labelOf(accounts, "gone")).toBe("Removed account");
    expect(labelOf(accounts, undefined)).toBe("");
  });
});

describe("tagServers", () => {
  it("gives each run of servers its account's key, in place", () => {
    const servers = [server(1), server(2), server(3)];
    const tagged = tagServers({ servers, sources: [{ account: "a", count: 2 }, { account: "b", count: 1 }] });
    expect(tagged).toBe(servers);
    expect(tagged.map((s) => s.account)).toEqual(["a", "a", "b"]);
  });

  it("does not run past the list when the counts claim more servers than were sent", () => {
    const tagged = tagServers({ servers: [server(1)], sources: [{ account: "a", count: 5 }, { account: "b", count: 2 }] });
    expect(tagged.map((s) => s.account)).toEqual(["a"]);
  });

  it("gives a source without a count the rest of the list", () => {
    expect(tagServers({ servers: [server(1), server(2)], sources: [{ account: "a" }] }).map((s) => s.account)).toEqual(["a", "a"]);
  });

  it("leaves an answer without sources (an older server) untagged", () => {
    expect(tagServers({ servers: [server(1)] })[0]?.account).toBeUndefined();
  });
});

describe("tagOrders", () => {
  const order = (order_id: number, account?: string) => ({ order_id, ...(account ? { account } : {}) }) as unknown as OrdersAnswer["orders"][number];

  it("gives a single account's list (passed on as the upstream sent it) its account and puts it newest first", () => {
    const tagged = tagOrders({ orders: [order(70), order(90), order(72)], sources: [{ account: "a" }] });
    expect(tagged.map((o) => [o.order_id, o.account])).toEqual([
      [90, "a"],
      [72, "a"],
      [70, "a"],
    ]);
  });

  it("keeps the account each order of a merged list already names", () => {
    expect(tagOrders({ orders: [order(1, "b"), order(2, "a")] }).map((o) => o.account)).toEqual(["a", "b"]);
  });
});
