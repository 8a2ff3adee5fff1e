import type { AccountFailure } from "@/lib/accounts/accounts";
import type { OrderStatus } from "@/lib/klikk/schemas";

/**
 * GET /api/orders: with one account its list as the upstream sent it and `sources` naming the
 * account; with several, every order already carries its account and the list is newest first.
 */
export type OrdersAnswer = { orders: (OrderStatus & { account?: string })[]; sources?: { account: string }[]; failures?: AccountFailure[] };

/**
 * Every order with its account's key, newest first, in place (the answer is fresh from
 * JSON.parse and owned by the caller), so the cache holds one shape whichever way it came.
 */
export function tagOrders(answer: OrdersAnswer): (OrderStatus & { account: string })[] {
  const account = answer.sources?.[0]?.account;
  for (const order of answer.orders) if (order.account === undefined && account !== undefined) order.account = account;
  return (answer.orders as (OrderStatus & { account: string })[]).sort((a, b) => b.order_id - a.order_id);
}
