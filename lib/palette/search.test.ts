import { describe, expect, it } from "vitest";
import type { OrderStatus, Server } from "@/lib/klikk/schemas";
import { PALETTE_LIMIT, searchOrders, searchPalette, searchServers } from "./search";

function server(id: number, name: string, networks: Server["networks"] = [{ id, ifindex: 0, name: "Public LAN", ipv4: `100.64.17.${id % 256}`, ipv6: `2001:db8:4b::${id.toString(16)}` }]): Server {
  return { id, name, cpu: 1, memory: 1024, is_running: 1, customer_id: 310, order_item_id: null, networks, storages: [] };
}

const servers: Server[] = [
  server(4401, "web-1"),
  server(4410, "edge-1", [
    { id: 1, ifindex: 0, name: "Public LAN", ipv4: "100.64.17.58", ipv6: "2001:db8:4b::113a" },
    { id: 2, ifindex: 1, name: "Private LAN", ipv4: "10.10.0.1", ipv6: "fd00:10::1" },
  ]),
  server(4402, "web-10"),
  server(5000, "v6-only", [{ id: 3, ifindex: 0, name: "Public LAN", ipv4: "", ipv6: "2001:DB8:0:0:1::5" }]),
];

const orders: OrderStatus[] = [
  { order_id: 70, status: 0, message: "done", reference: "Web tier", order_items: [{ id: 1001, status: 0, name: "VPS", reference: "web-1", message: "" }] },
  { order_id: 74, status: 200, message: "pending", reference: "Edge", order_items: [{ id: 1010, status: 200, name: "VPS", reference: "edge-1", message: "" }] },
  { order_id: 170, status: 100, message: "pay", order_items: [{ id: 1100, status: 100, name: "VPS", reference: "db-9", message: "" }] },
];

const names = (result: { items: { label: string }[] }) => result.items.map((item) => item.label);

describe("palette: servers", () => {
  it("finds an IPv6 address in any written form: compressed, fully expanded, upper case, brackets", () => {
    for (const form of ["2001:db8:4b::113a", "2001:0DB8:004B:0000:0000:0000:0000:113A", "2001:DB8:4B:0:0:0:0:113A", "[2001:db8:4b::113a]"]) {
      expect(names(searchServers(servers, form)), form).toEqual(["edge-1"]);
    }
    // A server's own address written unusually is found by its canonical form too.
    expect(names(searchServers(servers, "2001:db8::1:0:0:5"))).toEqual(["v6-only"]);
    expect(names(searchServers(servers, "2001:0db8:0000:0000:0001:0000:0000:0005"))).toEqual(["v6-only"]);
  });

  it("finds any IPv4 address, private ones too, and a prefix of one", () => {
    expect(names(searchServers(servers, "100.64.17.58"))).toEqual(["edge-1"]);
    expect(names(searchServers(servers, "10.10.0.1"))).toEqual(["edge-1"]);
    expect(searchServers(servers, "100.64.17.").total).toBe(3);
  });

  it("finds by id, and puts an exact name or id first", () => {
    expect(names(searchServers(servers, "4410"))).toEqual(["edge-1"]);
    expect(names(searchServers(servers, "web-10"))).toEqual(["web-10"]);
    expect(names(searchServers(servers, "web-1"))).toEqual(["web-1", "web-10"]);
    expect(names(searchServers(servers, "4402"))[0]).toBe("web-10");
    // One term of digits is enough for the ids to be looked at, beside a term of letters.
    expect(names(searchServers(servers, "web 4402"))).toEqual(["web-10"]);
  });

  it("links a server to its page and needs every term to match", () => {
    expect(searchServers(servers, "edge 10.10")).toMatchObject({ total: 1, items: [{ href: "/servers/4410" }] });
    expect(searchServers(servers, "edge web").total).toBe(0);
  });

  it("shows at most the limit but counts every match", () => {
    const many = Array.from({ length: 50 }, (_, i) => server(6000 + i, `gen-${i}`));
    const result = searchServers(many, "gen");
    expect(result.items).toHaveLength(PALETTE_LIMIT);
    expect(result.total).toBe(50);
  });
});

describe("palette: orders", () => {
  it("finds an order by id (with or without #), reference and item name", () => {
    expect(names(searchOrders(orders, "74"))).toEqual(["Order 74: Edge"]);
    expect(names(searchOrders(orders, "#70"))[0]).toBe("Order 70: Web tier");
    expect(names(searchOrders(orders, "web tier"))).toEqual(["Order 70: Web tier"]);
    expect(names(searchOrders(orders, "db-9"))).toEqual(["Order 170"]);
    expect(searchOrders(orders, "70").items.map((item) => item.href)).toEqual(["/orders/70", "/orders/170"]);
  });
});

describe("palette: everything", () => {
  it("groups servers, orders, pages and actions; an empty query lists pages and actions", () => {
    expect(searchPalette("", { orders, servers }).map((group) => group.name)).toEqual(["Pages", "Actions"]);
    expect(searchPalette("edge", { orders, servers }).map((group) => group.name)).toEqual(["Servers", "Orders"]);
    expect(searchPalette("new order", { orders, servers }).flatMap((group) => names(group))).toContain("New order");
    expect(searchPalette("dark", {}).flatMap((group) => group.items.map((item) => item.action))).toEqual(["theme-dark"]);
    expect(searchPalette("sign out", {}).flatMap((group) => names(group))).toEqual(["Sign out everywhere"]);
    // Every page of the account menu can be reached, the Accounts page (issue 15) included.
    expect(searchPalette("accounts", {}).flatMap((group) => group.items.map((item) => item.href))).toContain("/accounts");
  });
});
