"use client";

import type { OrderStatus } from "@/lib/klikk/schemas";
import { useAccountQuery } from "@/lib/queries/account";

/**
 * What is owed and where to pay it, for orders waiting for payment (status 100): the upstream's
 * own message (which names the invoice and its amount) and a link to the klikk portal, where
 * invoices are paid. Self-contained so the order page and the overview each place it with one line.
 */
export function PaymentNotice({ orders, className = "" }: { orders: readonly Pick<OrderStatus, "order_id" | "status" | "message">[]; className?: string }) {
  const account = useAccountQuery();
  const open = orders.filter((order) => order.status === 100);
  if (open.length === 0) return null;
  const portalUrl = account.data?.portalUrl;
  return (
    <section
      aria-label="Payment required"
      className={`rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100 ${className}`}
    >
      <p className="font-semibold">
        <span aria-hidden="true">€ </span>Payment required
      </p>
      <ul className="mt-1 space-y-0.5">
        {open.map((order) => (
          <li key={order.order_id}>
            {open.length > 1 ? `Order ${order.order_id}: ` : ""}
            <span className="font-medium">{order.message || "An invoice is open for this order."}</span>
          </li>
        ))}
      </ul>
      <p className="mt-2">
        {portalUrl ? (
          <a href={portalUrl} target="_blank" rel="noopener noreferrer" className="font-medium underline underline-offset-2">
            Pay in the klikk portal<span className="sr-only"> (opens in a new tab)</span>
          </a>
        ) : (
          "Pay it in the klikk portal."
        )}{" "}
        The order continues by itself once the invoice is paid.
      </p>
    </section>
  );
}
