"use client";

import { useQueryClient } from "@tanstack/react-query";
import { AppLink as Link } from "@/components/ui/app-link";
import { useEffect } from "react";
import { DateTime } from "@/components/ui/time";
import { possibleOrders, type UnconfirmedAttempt } from "@/lib/order-wizard/possible-orders";
import { orderKeys } from "@/lib/queries/keys";
import { useOrdersQuery } from "@/lib/queries/orders";

/**
 * After an answer that left the order's fate open: the orders placed since the attempt with the
 * same reference and server names, read fresh from the list, so the user can see whether it
 * exists instead of guessing (and placing it twice from elsewhere).
 */
export function PossibleOrders({ attempt }: { attempt: UnconfirmedAttempt }) {
  const queryClient = useQueryClient();
  const orders = useOrdersQuery();
  // The cached list predates the attempt: ask again once.
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: orderKeys.list() });
  }, [queryClient, attempt.since]);
  if (orders.isFetching && !orders.isFetchedAfterMount) return <p className="pt-1">Looking for the order in your order list…</p>;
  if (!orders.data) return null;
  const matches = possibleOrders(orders.data, attempt);
  return (
    <div className="pt-1" data-testid="possible-orders">
      {matches.length === 0 ? (
        <p>
          No order with these servers{attempt.reference ? " and this reference" : ""} has appeared since you pressed Place order.{" "}
          <button type="button" className="font-medium underline underline-offset-2" onClick={() => void orders.refetch()}>
            Look again
          </button>
        </p>
      ) : (
        <>
          <p>{matches.length === 1 ? "This order matches what you sent:" : "These orders match what you sent:"}</p>
          <ul className="list-disc pl-5">
            {matches.map((order) => (
              <li key={order.order_id}>
                <Link href={`/orders/${order.order_id}`} className="font-medium underline underline-offset-2">
                  Order {order.order_id}
                </Link>{" "}
                ({order.order_items.map((item) => item.reference).filter(Boolean).join(", ")}
                {order.created ? (
                  <>
                    , placed <DateTime value={order.created} />
                  </>
                ) : null}
                )
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
