"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { OrderCreateBody } from "@/lib/klikk/contract/order-request";
import type { OrderCreateResult, OrderStatus } from "@/lib/klikk/schemas";
import { apiFetch } from "@/lib/queries/api-fetch";
import { orderKeys } from "@/lib/queries/keys";

export type Order = OrderStatus;

export { orderKeys };

export const ordersQueryOptions = () =>
  queryOptions({
    queryKey: orderKeys.list(),
    queryFn: ({ signal }) => apiFetch<{ orders: Order[] }>("/api/orders", { signal }).then((body) => body.orders),
  });

export const orderQueryOptions = (orderId: number) =>
  queryOptions({
    queryKey: orderKeys.detail(orderId),
    queryFn: ({ signal }) => apiFetch<Order>(`/api/orders/${orderId}`, { signal }),
  });

/**
 * A fixed interval, or a function of the query (TanStack calls it after every fetch), so pages
 * can back off and stop polling once everything has settled.
 */
export type RefetchInterval<T> = number | false | ((query: { state: { data: T | undefined; dataUpdatedAt: number } }) => number | false | undefined);

export function useOrdersQuery(options: { refetchInterval?: RefetchInterval<Order[]> } = {}) {
  return useQuery({ ...ordersQueryOptions(), refetchInterval: options.refetchInterval, refetchIntervalInBackground: false });
}

export function useOrderQuery(orderId: number, options: { refetchInterval?: RefetchInterval<Order> } = {}) {
  return useQuery({ ...orderQueryOptions(orderId), refetchInterval: options.refetchInterval, refetchIntervalInBackground: false });
}

/** Places an order with the draft's Idempotency-Key, so a retry never orders twice. */
export function useCreateOrderMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: OrderCreateBody; idempotencyKey: string }) =>
      apiFetch<OrderCreateResult>("/api/orders", { method: "POST", body, headers: { "Idempotency-Key": idempotencyKey } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: orderKeys.all }),
  });
}

/** Cancels a whole order or one item. The caller decides how a 404 (already gone) reads. */
export function useCancelOrderMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ orderId, itemId }: { orderId: number; itemId?: number }) =>
      apiFetch<void>(`/api/orders/${orderId}/cancel`, { method: "POST", body: itemId === undefined ? {} : { itemId } }),
    onSettled: (_data, _error, { orderId }) => {
      void queryClient.invalidateQueries({ queryKey: orderKeys.list() });
      void queryClient.invalidateQueries({ queryKey: orderKeys.detail(orderId) });
    },
  });
}
