"use client";

import { lazy, Suspense, useEffect } from "react";
import { useOrderActivityQuery } from "@/lib/queries/activity";

// The server does not prefetch the activity, so no first paint shows it: the list and the
// kinds' wording load beside the browser's request for it (started on mount, so the code is
// usually there before the answer), not in the order page's first load.
const loadList = () => import("./order-activity-list");
const OrderActivityList = lazy(() => loadList().then((m) => ({ default: m.OrderActivityList })));

/**
 * Who placed or cancelled this order from this dashboard, and when. Orders placed elsewhere (the
 * portal, a script) have no such record, and then nothing is shown.
 */
export function OrderActivity({ orderId, version }: { orderId: number; version: string }) {
  const query = useOrderActivityQuery(orderId, version);
  useEffect(() => void loadList().catch(() => {}), []);
  const events = query.data ?? [];
  if (events.length === 0) return null;
  return (
    <Suspense fallback={null}>
      <OrderActivityList events={events} />
    </Suspense>
  );
}
