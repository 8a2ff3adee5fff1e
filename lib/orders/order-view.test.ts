import { describe, expect, it } from "vitest";
import type { OrderStatus } from "@/lib/klikk/schemas";
import { ApiError } from "@/lib/queries/api-fetch";
import {
  awaitingPayment,
  cancelOutcome,
  itemTimeline,
  orderMatches,
  parseSort,
  parseStatusFilter,
  pollDelay,
  sortOrders,
  visibleOrders,
} from "@/lib/orders/order-view";

function order(id: number, status: number, extra: Partial<OrderStatus> = {}): OrderStatus {
  return { order_id: id, status, message: "", order_items: [], ...extra };
}

const orders = [
  order(70, 0, { reference: "Web cluster", created: "2026-01-01T10:00:00Z", order_items: [{ id: 1001, status: 0, name: "VPS", reference: "web-1", message: "" }] }),
  order(78, 100, { reference: "Awaiting payment", created: "2026-01-20T10:00:00Z" }),
  order(81, 210, { reference: "Provisioning", created: "2026-01-21T09:00:00Z" }),
  order(77, 910, { reference: "Retired", created: "2025-12-01T10:00:00Z" }),
  order(5, 555, { reference: "Odd" }),
];

describe("orderMatches", () => {
  it("finds by id, #id, reference and item name, ignoring case", () => {
    expect(orderMatches(orders[0]!, "70")).toBe(true);
    expect(orderMatches(orders[0]!, "#70")).toBe(true);
    expect(orderMatches(orders[0]!, "web CLUSTER")).toBe(true);
    expect(orderMatches(orders[0]!, "WEB-1")).toBe(true);
    expect(orderMatches(orders[0]!, "db-1")).toBe(false);
    expect(orderMatches(orders[0]!, "   ")).toBe(true);
  });
});

describe("sortOrders", () => {
  it("sorts newest first with orders without a time last", () => {
    expect(sortOrders(orders, "newest").map((o) => o.order_id)).toEqual([81, 78, 70, 77, 5]);
  });
  it("sorts by id both ways", () => {
    expect(sortOrders(orders, "id-asc").map((o) => o.order_id)).toEqual([5, 70, 77, 78, 81]);
    expect(sortOrders(orders, "id-desc").map((o) => o.order_id)).toEqual([81, 78, 77, 70, 5]);
  });
  it("puts what needs attention first when sorting by status", () => {
    expect(sortOrders(orders, "status").map((o) => o.order_id)).toEqual([78, 81, 5, 70, 77]);
  });
  it("does not change its input", () => {
    const before = orders.map((o) => o.order_id);
    sortOrders(orders, "id-asc");
    expect(orders.map((o) => o.order_id)).toEqual(before);
  });
});

describe("visibleOrders", () => {
  it("filters by status class and search together", () => {
    expect(visibleOrders(orders, { status: "payment", q: "", sort: "newest" }).map((o) => o.order_id)).toEqual([78]);
    expect(visibleOrders(orders, { status: "unknown", q: "", sort: "newest" }).map((o) => o.order_id)).toEqual([5]);
    expect(visibleOrders(orders, { status: "all", q: "re", sort: "id-asc" }).map((o) => o.order_id)).toEqual([77]);
  });
  it("falls back to defaults for values it does not know", () => {
    expect(parseStatusFilter("bogus")).toBe("all");
    expect(parseSort("sideways")).toBe("newest");
    expect(parseSort("status")).toBe("status");
  });
});

describe("pollDelay", () => {
  it("starts at 3 s and backs off towards 30 s", () => {
    expect(pollDelay(0)).toBe(3_000);
    expect(pollDelay(1)).toBe(4_500);
    expect(pollDelay(2)).toBe(6_750);
    expect(pollDelay(50)).toBe(30_000);
  });
});

describe("itemTimeline", () => {
  it("marks exactly one current step for every known class", () => {
    for (const code of [100, 110, 200, 210, 0, 900, 910]) {
      expect(itemTimeline(code).filter((s) => s.state === "current")).toHaveLength(1);
    }
  });
  it("ends in the cancellation for 9xx and marks nothing for an unknown code", () => {
    expect(itemTimeline(910).at(-1)).toEqual({ label: "Cancelled", state: "current" });
    expect(itemTimeline(900).at(-1)).toEqual({ label: "Cancellation scheduled", state: "current" });
    expect(itemTimeline(555).some((s) => s.state !== "upcoming")).toBe(false);
  });
});

describe("cancelOutcome", () => {
  it("reads a 404 as already gone and keeps the reason of other failures", () => {
    expect(cancelOutcome(undefined)).toEqual({ kind: "done" });
    expect(cancelOutcome(new ApiError(404, "not_found", "order 5 not found"))).toEqual({ kind: "gone" });
    expect(cancelOutcome(new ApiError(403, "forbidden", "read-only access"))).toEqual({ kind: "failed", message: "read-only access" });
    expect(cancelOutcome(new Error("boom")).kind).toBe("failed");
  });
});

describe("awaitingPayment", () => {
  it("is true for 1xx except 110 (payment received)", () => {
    expect(awaitingPayment(order(1, 100))).toBe(true);
    expect(awaitingPayment(order(1, 110))).toBe(false);
    expect(awaitingPayment(order(1, 200))).toBe(false);
  });
});
