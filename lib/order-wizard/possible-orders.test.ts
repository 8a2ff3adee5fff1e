import { describe, expect, it } from "vitest";
import type { OrderStatus } from "@/lib/klikk/schemas";
import { possibleOrders } from "./possible-orders";

const since = Date.parse("2026-11-30T09:00:00Z");
function order(id: number, created: string | undefined, reference: string | undefined, names: string[]): OrderStatus {
  return {
    order_id: id,
    status: 200,
    message: "pending",
    created,
    reference,
    order_items: names.map((name, index) => ({ id: id * 10 + index, status: 200, name: "VPS", reference: name, message: "" })),
  } as OrderStatus;
}

describe("possibleOrders", () => {
  const orders = [
    order(1, "2026-11-30T08:00:00Z", "web tier", ["web-4", "web-5"]), // too old
    order(2, "2026-11-30T09:00:05Z", "web tier", ["web-4", "web-5"]), // the one
    order(3, "2026-11-30T09:00:06Z", "other", ["web-4", "web-5"]), // other reference
    order(4, "2026-11-30T09:00:07Z", "web tier", ["web-4"]), // a name missing
    order(5, undefined, "web tier", ["web-5", "web-4", "db-1"]), // no time given: kept
    order(6, "2026-11-30T08:59:30Z", "web tier", ["web-4", "web-5"]), // within the clock slack
  ];

  it("keeps orders since the attempt with the same reference and every server name, newest first", () => {
    expect(possibleOrders(orders, { since, reference: "web tier", names: ["web-4", "web-5"] }).map((o) => o.order_id)).toEqual([6, 5, 2]);
  });

  it("matches by names alone when the attempt had no reference", () => {
    expect(possibleOrders(orders, { since, reference: "", names: ["web-4", "web-5"] }).map((o) => o.order_id)).toEqual([6, 5, 3, 2]);
  });

  it("finds nothing for names that were never ordered", () => {
    expect(possibleOrders(orders, { since, reference: "web tier", names: ["mail-1"] })).toEqual([]);
  });
});
