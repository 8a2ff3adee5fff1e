"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { OrderCreateBody } from "@/lib/klikk/contract/order-request";
import type { OrderCreateResult } from "@/lib/klikk/schemas";
import { apiFetch, withAccount } from "@/lib/queries/api-fetch";
import { orderKeys } from "@/lib/queries/keys";

/*
 * The order mutations, apart from the order queries (orders.ts): the lists and the order page
 * read orders on first paint, while cancelling loads with its dialog, so keeping useMutation out
 * of orders.ts keeps TanStack's mutation observer (about 1 kB gzip) out of their first load.
 */

/** Places an order with the draft's Idempotency-Key, so a retry never orders twice. */
export function useCreateOrderMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey, account }: { body: OrderCreateBody; idempotencyKey: string; account?: string }) =>
      apiFetch<OrderCreateResult>(withAccount("/api/orders", account), { method: "POST", body, headers: { "Idempotency-Key": idempotencyKey } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: orderKeys.all }),
  });
}

/** Cancels a whole order or one item. The caller decides how a 404 (already gone) reads. */
export function useCancelOrderMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ orderId, itemId, account }: { orderId: number; itemId?: number; account?: string }) =>
      apiFetch<void>(withAccount(`/api/orders/${orderId}/cancel`, account), { method: "POST", body: itemId === undefined ? {} : { itemId } }),
    onSettled: (_data, _error, { orderId }) => {
      void queryClient.invalidateQueries({ queryKey: orderKeys.list() });
      void queryClient.invalidateQueries({ queryKey: orderKeys.detail(orderId) });
    },
  });
}
