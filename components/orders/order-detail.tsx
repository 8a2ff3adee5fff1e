"use client";

import { AppLink as Link } from "@/components/ui/app-link";
import { useSearchParams } from "next/navigation";
import { lazy, Suspense, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button-core";
import { Menu } from "@/components/ui/menu";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton, SkeletonBlock } from "@/components/ui/skeleton";
import { StatusBadge } from "@/components/ui/status-badge";
import type { OrderStatus } from "@/lib/klikk/schemas";
import { createdNotice, isPaymentRequired } from "@/lib/order-wizard/handoff";
import { useReadOnly } from "@/lib/queries/account";
import { isApiError } from "@/lib/queries/api-fetch";
import { ordersQueryOptions, useOrderQuery } from "@/lib/queries/orders";
import { useCancelFlow } from "./use-cancel-flow";
import { ApiText, DateTime } from "@/components/ui/time";
import { countOf, nouns } from "@/lib/format/numbers";
import { LastUpdated } from "./last-updated";
import { ItemCard } from "./item-card";
import { useAccountLabels } from "@/components/accounts/session-accounts";
import { OrderActivity } from "./order-activity";
import { PaymentNotice } from "./payment-notice";
import { orderInProgress, statusSignature } from "@/lib/orders/live";
import { isCancellable } from "@/lib/orders/order-facts";
import { itemTarget, orderCancelRequest } from "@/lib/orders/cancel-targets";
import { useLiveInterval } from "./use-live-interval";

// An order that has gone (a 404 on a later poll) is rare: its panel loads when shown. The server's
// HTML still has it (React's lazy resolves while the page is rendered there).
const OrderNotFound = lazy(() => import("./order-not-found").then((m) => ({ default: m.OrderNotFound })));

type Order = OrderStatus & { account?: string };

const orderSignature = (order: Order) => statusSignature([order]);

/** One order: its items with badge, message, timeline and server; cancel the order or items. */
export function OrderDetail({ orderId }: { orderId: number }) {
  const searchParams = useSearchParams();
  const [active, setActive] = useState(false);
  const refetchInterval = useLiveInterval(active, orderSignature);
  // order_status has no reference or time; the list (often cached already) does, and names the
  // order's account, which the order's own request then asks first.
  const listEntry = useQuery({ ...ordersQueryOptions(), select: (orders) => orders.find((o) => o.order_id === orderId) });
  const query = useOrderQuery(orderId, { refetchInterval, account: listEntry.data?.account });
  const { several, label: accountLabel } = useAccountLabels();
  const inProgress = query.data ? orderInProgress(query.data) : false;
  if (inProgress !== active) setActive(inProgress);

  // Once the upstream refused this account a cancel or an order as read-only, cancelling is off.
  const readOnly = useReadOnly(query.data?.account);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const { openCancel, notice, dialog } = useCancelFlow((settled) => {
    const ids = new Set(settled.map((result) => result.target.itemId));
    setSelected((prev) => new Set([...prev].filter((id) => !ids.has(id))));
  });

  if (query.isPending) {
    return (
      <>
        <PageHeader title={`Order ${orderId}`} />
        <SkeletonBlock label="Loading the order…" className="space-y-4">
          <Skeleton className="h-32 w-full" />
          <Skeleton className="h-32 w-full" />
        </SkeletonBlock>
      </>
    );
  }
  // A 404 also on a later poll: the order has gone (e.g. the upstream forgot it), so say that.
  if (isApiError(query.error) && query.error.status === 404) {
    return (
      <>
        {notice}
        <Suspense fallback={null}>
          <OrderNotFound orderId={orderId} />
        </Suspense>
      </>
    );
  }
  if (query.isLoadingError) {
    return (
      <>
        <PageHeader title={`Order ${orderId}`} />
        <QueryErrorAlert title="The order could not be loaded" query={query} />
      </>
    );
  }

  const order = query.data;
  const reference = listEntry.data?.reference;
  const created = searchParams.get("created") === "1";
  const createdStatus = Number(searchParams.get("status") ?? "0");
  // The wizard passes the status order_create answered; 100 means an invoice waits.
  const invoiceCreated = created && isPaymentRequired(createdStatus);
  const cancellableItems = order.order_items.filter((item) => isCancellable(item.status));
  const selectedItems = cancellableItems.filter((item) => selected.has(item.id));


  return (
    <>
      <PageHeader
        title={`Order ${order.order_id}`}
        description={
          <>
            {several ? <span data-testid="order-account">Account: {accountLabel(order.account)} · </span> : null}
            {reference ? <span className="font-medium">{reference}</span> : null}
            {reference && listEntry.data?.created ? " · " : null}
            {listEntry.data?.created ? (
              <>
                Placed <DateTime value={listEntry.data.created} />
              </>
            ) : null}
          </>
        }
        actions={
          // Quiet on purpose: this is also the page a buyer lands on, and its one strong button
          // must never be the one that cancels.
          isCancellable(order.status) ? (
            <Menu
              label={`Actions for order ${order.order_id}`}
              disabled={readOnly}
              triggerClassName={buttonClasses("secondary")}
              trigger={
                <>
                  Actions <span aria-hidden="true">▾</span>
                </>
              }
              items={[
                {
                  key: "cancel",
                  label: `Cancel order ${order.order_id}`,
                  danger: true,
                  onSelect: () => openCancel(orderCancelRequest({ ...order, reference: order.reference ?? reference })),
                },
              ]}
            />
          ) : null
        }
      />

      <div className="space-y-4">
        {created ? (
          <Alert tone={invoiceCreated ? "warning" : "success"} title={createdNotice(order.order_id, createdStatus).title}>
            <p>{createdNotice(order.order_id, createdStatus).text}</p>
          </Alert>
        ) : null}

        {notice}

        <PaymentNotice orders={[order]} />

        <Card aria-label="Order status">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <div className="flex flex-wrap items-center gap-2">
              <span className="text-sm font-medium">Order status:</span>
              <StatusBadge code={order.status} />
              <span className="text-sm">
                <ApiText text={order.message} />
              </span>
            </div>
            <LastUpdated updatedAt={query.dataUpdatedAt} live={active} fetching={query.isFetching} />
          </div>
          {query.isRefetchError ? (
            <Alert tone="warning" title="Live update failed" className="mt-3">
              <p>{query.error.message} This shows the last answer; it tries again by itself.</p>
            </Alert>
          ) : null}
        </Card>

        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 className="text-lg font-semibold">
            {countOf(order.order_items.length, nouns.item)}
          </h2>
          {selectedItems.length > 0 ? (
            <Button
              variant="secondary"
              size="sm"
              className="text-red-700 dark:text-red-300"
              disabled={readOnly}
              onClick={() => openCancel({ targets: selectedItems.map((item) => itemTarget(order, item)) })}
            >
              Cancel selected items ({selectedItems.length})
            </Button>
          ) : null}
        </div>

        {order.order_items.length === 0 ? (
          <Card>
            <p className="text-sm">This order has no items.</p>
          </Card>
        ) : (
          <ul className="space-y-3">
            {order.order_items.map((item) => (
              <li key={item.id}>
                <ItemCard
                  item={item}
                  account={order.account}
                  selectable={!readOnly && cancellableItems.length > 1 && isCancellable(item.status)}
                  readOnly={readOnly}
                  selected={selected.has(item.id)}
                  onToggle={(on) =>
                    setSelected((prev) => {
                      const next = new Set(prev);
                      if (on) next.add(item.id);
                      else next.delete(item.id);
                      return next;
                    })
                  }
                  onCancel={() => openCancel({ targets: [itemTarget(order, item)] })}
                />
              </li>
            ))}
          </ul>
        )}

        <OrderActivity orderId={order.order_id} version={order.order_items.map((item) => item.status).join(",")} />

        <p>
          <Link href="/orders" className="text-sm font-medium text-blue-700 underline dark:text-blue-300">
            Back to all orders
          </Link>
        </p>
      </div>

      {dialog}
    </>
  );
}
