import type { OrderStatus } from "@/lib/klikk/schemas";

/** What the wizard sent when the answer did not say whether the order was placed. */
export type UnconfirmedAttempt = {
  /** Epoch ms when "Place order" was pressed. */
  since: number;
  reference: string;
  /** The server names of the order, as sent. */
  names: string[];
};

/** Clocks differ between this browser and the klikk API: a minute of slack either way. */
const CLOCK_SLACK_MS = 60_000;

/**
 * The orders that may be the unconfirmed one: created since the attempt (when the list says when)
 * with the same reference (when one was given) and every server name of the attempt among their
 * items. Newest first. The user decides from these facts instead of guessing.
 */
export function possibleOrders(orders: readonly OrderStatus[], attempt: UnconfirmedAttempt): OrderStatus[] {
  return orders
    .filter((order) => {
      if (order.created) {
        const created = Date.parse(order.created);
        if (Number.isFinite(created) && created < attempt.since - CLOCK_SLACK_MS) return false;
      }
      if (attempt.reference && (order.reference ?? "") !== attempt.reference) return false;
      const names = new Set(order.order_items.map((item) => item.reference ?? ""));
      return attempt.names.length > 0 && attempt.names.every((name) => names.has(name));
    })
    .sort((a, b) => b.order_id - a.order_id);
}
