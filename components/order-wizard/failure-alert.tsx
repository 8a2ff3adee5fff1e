"use client";

import { AppLink as Link } from "@/components/ui/app-link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button-core";
import type { OrderFailure } from "@/lib/order-wizard/order-outcome";
import { PossibleOrders } from "./possible-orders";

/** Why the order was not placed (or may not have been), with the way forward. */
export function FailureAlert({ failure, onNewAttempt }: { failure: OrderFailure; onNewAttempt: () => void }) {
  return (
    <Alert tone="error" title={failure.title} className="mt-6">
      <p>{failure.text}</p>
      {failure.attempt ? <PossibleOrders attempt={failure.attempt} /> : null}
      {failure.ordersLink || failure.newAttempt ? (
        <div className="flex flex-wrap gap-2 pt-1">
          {failure.ordersLink ? (
            <Link href="/orders" className="font-medium underline underline-offset-2">
              Check your orders
            </Link>
          ) : null}
          {failure.newAttempt ? (
            <Button size="sm" variant="secondary" onClick={onNewAttempt}>
              Send as a new attempt
            </Button>
          ) : null}
        </div>
      ) : null}
    </Alert>
  );
}
