/** Which order created a server: looked up in the order list, which the upstream keeps apart. */

type OrderLike = { order_id: number; order_items: readonly { id: number }[] };

/** The order and item that created a server, from the order list; undefined when unknown. */
export function orderItemOf<O extends OrderLike>(orders: readonly O[], itemId: number): { order: O; item: O["order_items"][number] } | undefined {
  for (const order of orders) {
    const item = order.order_items.find((i) => i.id === itemId);
    if (item) return { order, item };
  }
  return undefined;
}

/** Order item id -> order id, from the order list; items of unknown orders are absent. */
export function orderIdsByItem(orders: readonly OrderLike[]): Map<number, number> {
  const map = new Map<number, number>();
  for (const order of orders) for (const item of order.order_items) map.set(item.id, order.order_id);
  return map;
}
