"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useLiveInterval } from "@/components/orders/use-live-interval";
import { detectTransitions, snapshotOf, type StatusSnapshot } from "@/lib/notifications/transitions";
import { orderInProgress, statusSignature } from "@/lib/orders/live";
import { serverKeys } from "@/lib/queries/keys";
import { notificationKeys } from "@/lib/queries/notifications";
import { reportTransition } from "@/lib/queries/notification-updates";
import { useOrdersQuery } from "@/lib/queries/orders";
import { showDesktop } from "./desktop";
import { showToast } from "./toast-store";

/**
 * The one app-wide watcher: follows the order list with the orders pages' own polling (3 s
 * backing off to 30 s while anything is in progress, nothing once all has settled, paused in a
 * hidden tab), and reports each transition it sees. The server checks it and answers with the
 * notice; only the tab that reported it first shows the toast.
 */
export function OrderWatcher() {
  const queryClient = useQueryClient();
  const previous = useRef<StatusSnapshot | null>(null);
  const [active, setActive] = useState(false);
  const refetchInterval = useLiveInterval(active, statusSignature);
  const { data } = useOrdersQuery({ refetchInterval });
  // As the orders pages do: polling follows whether anything is still moving.
  const anyInProgress = data?.some(orderInProgress) ?? false;
  if (anyInProgress !== active) setActive(anyInProgress);

  useEffect(() => {
    if (!data) return;
    const transitions = detectTransitions(previous.current, data);
    previous.current = snapshotOf(data);
    // Which account each order belongs to (issue 15): the server asks that account first.
    const accountOf = new Map(data.map((order) => [order.order_id, order.account]));
    // A server came or went: the server lists follow (an open inventory at once, the others on
    // their next use), so the list never lags behind the toast that names the new server.
    if (transitions.some((transition) => transition.kind === "ready" || transition.kind === "cancelled")) {
      void queryClient.invalidateQueries({ queryKey: serverKeys.all });
    }
    for (const transition of transitions) {
      reportTransition({ orderId: transition.orderId, itemId: transition.itemId, status: transition.status }, accountOf.get(transition.orderId))
        .then(({ notice, created }) => {
          void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
          if (!created) return;
          showToast(notice);
          showDesktop(notice);
        })
        // Moved on already (409), gone (404) or the store is down: the next answer tells again.
        .catch(() => undefined);
    }
  }, [data, queryClient]);

  return null;
}
