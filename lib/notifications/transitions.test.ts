import { describe, expect, it } from "vitest";
import type { OrderStatus } from "@/lib/klikk/schemas";
import { detectTransitions, itemNoticeKind, snapshotOf, transitionKey } from "./transitions";

function order(orderId: number, status: number, items: [number, number][]): OrderStatus {
  return { order_id: orderId, status, message: "", order_items: items.map(([id, s]) => ({ id, status: s, name: "VPS", reference: `srv-${id}`, message: "" })) };
}

describe("transition detection", () => {
  it("announces nothing on the first answer: what was already done is old news", () => {
    expect(detectTransitions(null, [order(1, 0, [[11, 0]]), order(2, 100, [[21, 100]]), order(3, 910, [[31, 910]])])).toEqual([]);
  });

  it("announces an item that completes, once", () => {
    const before = snapshotOf([order(1, 210, [[11, 210], [12, 0]])]);
    const now = [order(1, 0, [[11, 0], [12, 0]])];
    expect(detectTransitions(before, now)).toEqual([{ kind: "ready", orderId: 1, itemId: 11, status: 0 }]);
    expect(detectTransitions(snapshotOf(now), now)).toEqual([]);
  });

  it("announces payment required per order, and cancellation when it is done, not when scheduled", () => {
    const before = snapshotOf([order(1, 0, [[11, 0]])]);
    expect(detectTransitions(before, [order(1, 900, [[11, 900]])])).toEqual([]);
    expect(detectTransitions(snapshotOf([order(1, 900, [[11, 900]])]), [order(1, 910, [[11, 910]])])).toEqual([{ kind: "cancelled", orderId: 1, itemId: 11, status: 910 }]);
    // Straight from running to cancelled (no scheduled step seen) is still "done".
    expect(detectTransitions(before, [order(1, 910, [[11, 910]])])).toEqual([{ kind: "cancelled", orderId: 1, itemId: 11, status: 910 }]);
  });

  it("treats an order that appears after the baseline as new: its first state counts", () => {
    const before = snapshotOf([order(1, 0, [[11, 0]])]);
    expect(detectTransitions(before, [order(1, 0, [[11, 0]]), order(2, 100, [[21, 100]])])).toEqual([{ kind: "payment", orderId: 2, status: 100 }]);
    expect(detectTransitions(before, [order(3, 0, [[31, 0], [32, 200]])])).toEqual([{ kind: "ready", orderId: 3, itemId: 31, status: 0 }]);
  });

  it("announces a code outside every class as a failure, and steps in between not at all", () => {
    const before = snapshotOf([order(1, 200, [[11, 200]])]);
    expect(detectTransitions(before, [order(1, 210, [[11, 210]])])).toEqual([]);
    expect(detectTransitions(before, [order(1, 110, [[11, 110]])])).toEqual([]);
    expect(detectTransitions(before, [order(1, 500, [[11, 500]])])).toEqual([{ kind: "failed", orderId: 1, itemId: 11, status: 500 }]);
    expect([0, 100, 200, 900, 910, 950, 500].map(itemNoticeKind)).toEqual(["ready", null, null, null, "cancelled", "cancelled", "failed"]);
  });

  it("keys one notice per order or item and status", () => {
    expect(transitionKey({ orderId: 1, itemId: 11, status: 0 }, "web-3")).toBe("item:1:11:0:web-3");
    expect(transitionKey({ orderId: 1, status: 100 }, "Web tier")).toBe("order:1:100:Web tier");
  });
});
