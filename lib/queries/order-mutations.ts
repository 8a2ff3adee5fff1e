"use client";

import type { QueryClient } from "@tanstack/react-query";
import type { OrderCreateBody } from "@/lib/klikk/contract/order-request";
import type { OrderCreateResult } from "@/lib/klikk/schemas";
import { apiFetch, withAccount } from "@/lib/queries/api-fetch";
import { orderKeys } from "@/lib/queries/keys";

/*
 * The order mutations, apart from the order queries (orders.ts), and as plain functions rather
 * than useMutation hooks: the wizard and the cancel dialog keep their own pending state, and
 * TanStack's mutation observer (about 1 kB gzip) was in /orders/new's first load for nothing
 * else. Turbopack keeps a module's unused exports' imports, so no hook may live here either.
 */

/** Places an order with the draft's Idempotency-Key, so a retry never orders twice. */
export async function createOrder(
  queryClient: QueryClient,
  { body, idempotencyKey, account }: { body: OrderCreateBody; idempotencyKey: string; account?: string },
): Promise<OrderCreateResult> {
  try {
    return await apiFetch<OrderCreateResult>(withAccount("/api/orders", account), { method: "POST", body, headers: { "Idempotency-Key": idempotencyKey } });
  } finally {
    // Awaited, as useMutation awaited its onSettled: the order's page opens on a fresh list.
    await queryClient.invalidateQueries({ queryKey: orderKeys.all });
  }
}

/** Cancels a whole order or one item. The caller decides how a 404 (already gone) reads. */
export async function cancelOrder(queryClient: QueryClient, { orderId, itemId, account }: { orderId: number; itemId?: number; account?: string }): Promise<void> {
  try {
    await apiFetch<void>(withAccount(`/api/orders/${orderId}/cancel`, account), { method: "POST", body: itemId === undefined ? {} : { itemId } });
  } finally {
    void queryClient.invalidateQueries({ queryKey: orderKeys.list() });
    void queryClient.invalidateQueries({ queryKey: orderKeys.detail(orderId) });
  }
}
