"use client";

import { queryOptions, useQuery } from "@tanstack/react-query";
import type { OrderStatus } from "@/lib/klikk/schemas";
import { apiFetch, withAccount } from "@/lib/queries/api-fetch";
import { accountFailureKeys, orderKeys } from "@/lib/queries/keys";
import { tagOrders, type OrdersAnswer } from "@/lib/accounts/tag-orders";

/** An order with the key of the session account it belongs to (issue 15). */
export type Order = OrderStatus & { account: string };

export { orderKeys };

export const ordersQueryOptions = () =>
  queryOptions({
    queryKey: orderKeys.list(),
    queryFn: async ({ signal, client }) => {
      const body = await apiFetch<OrdersAnswer>("/api/orders", { signal });
      client.setQueryData(accountFailureKeys.orders, body.failures ?? []);
      return tagOrders(body);
    },
  });

/** `account` is a hint (from the list) so the server asks the right account first. */
export const orderQueryOptions = (orderId: number, account?: string) =>
  queryOptions({
    queryKey: orderKeys.detail(orderId),
    queryFn: ({ signal }) => apiFetch<Order>(withAccount(`/api/orders/${orderId}`, account), { signal }),
  });

/**
 * A fixed interval, or a function of the query (TanStack calls it after every fetch), so pages
 * can back off and stop polling once everything has settled.
 */
export type RefetchInterval<T> = number | false | ((query: { state: { data: T | undefined; dataUpdatedAt: number } }) => number | false | undefined);

export function useOrdersQuery(options: { refetchInterval?: RefetchInterval<Order[]> } = {}) {
  return useQuery({ ...ordersQueryOptions(), refetchInterval: options.refetchInterval, refetchIntervalInBackground: false });
}

export function useOrderQuery(orderId: number, options: { refetchInterval?: RefetchInterval<Order>; account?: string } = {}) {
  return useQuery({ ...orderQueryOptions(orderId, options.account), refetchInterval: options.refetchInterval, refetchIntervalInBackground: false });
}
