"use client";

import { AppLink as Link } from "@/components/ui/app-link";
import { lazy, Suspense, useMemo, useState, type ReactNode } from "react";
import { LastUpdated } from "@/components/orders/last-updated";
import { PaymentNotice } from "@/components/orders/payment-notice";
import { DateTime } from "@/components/ui/time";
import { orderInProgress, statusSignature } from "@/lib/orders/live";
import { awaitingPayment } from "@/lib/orders/order-facts";
import { sortOrders } from "@/lib/orders/list-view";
import { useLiveInterval } from "@/components/orders/use-live-interval";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { nouns, pluralForm } from "@/lib/format/numbers";
import { Skeleton, SkeletonRows } from "@/components/ui/skeleton";
import { RunningBadge, StatusBadge } from "@/components/ui/status-badge";
import type { OrderStatus } from "@/lib/klikk/schemas";
import { AccountFailures } from "@/components/accounts/account-failures";
import { AccountFilter } from "@/components/accounts/account-filter";
import { useAccountLabels } from "@/components/accounts/session-accounts";
import { useOrdersQuery } from "@/lib/queries/orders";
import { useSearchState } from "@/lib/url-state/use-search-state";
import { useServersQuery } from "@/lib/queries/servers";

// Shown only once a session has several accounts (issue 15), which most never add: the split's
// table and sums load then, not in every overview's first load. The server's HTML has it all the
// same (React's lazy resolves while the page is rendered there).
const AccountTotals = lazy(() => import("@/components/overview/account-totals").then((m) => ({ default: m.AccountTotals })));

type Order = OrderStatus & { account?: string };

// Module-level so that useSearchState's callback stays stable.
const OVERVIEW_DEFAULTS = { account: "" };

const link = "font-medium text-blue-700 underline hover:no-underline dark:text-blue-300";

/** The overview: what needs attention first, then the latest orders and the server counts. */
export function Overview() {
  const [active, setActive] = useState(false);
  const refetchInterval = useLiveInterval(active, statusSignature);
  const ordersQuery = useOrdersQuery({ refetchInterval });
  const serversQuery = useServersQuery();
  // "All accounts" or one of them (issue 15), kept in the URL like the lists' filters.
  const [params, update] = useSearchState(OVERVIEW_DEFAULTS);
  const { accounts, several, label } = useAccountLabels();
  const account = several ? params.account : "";
  const orders = useMemo(() => narrow(ordersQuery, account), [ordersQuery, account]);
  const servers = useMemo(() => narrow(serversQuery, account), [serversQuery, account]);

  const { waiting, moving, latest } = useMemo(() => {
    const all = orders.data ?? [];
    const newest = sortOrders(all, "newest");
    return {
      waiting: newest.filter(awaitingPayment),
      moving: newest.filter((o) => orderInProgress(o) && !awaitingPayment(o)),
      // Orders already listed under "Needs attention" are not repeated here.
      latest: newest.filter((o) => !orderInProgress(o)).slice(0, 5),
    };
  }, [orders.data]);
  const anyMoving = waiting.length + moving.length > 0;
  if (anyMoving !== active) setActive(anyMoving);

  const running = servers.data?.filter((s) => s.is_running === 1).length ?? 0;
  const stopped = (servers.data?.length ?? 0) - running;
  // The API gives servers no creation time; ids grow, so the highest is the newest.
  const newest = servers.data?.reduce<(typeof servers.data)[number] | undefined>((best, s) => (!best || s.id > best.id ? s : best), undefined);

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {several ? (
        <div className="flex flex-wrap items-end gap-3 lg:col-span-2">
          <AccountFilter id="overview-account" accounts={accounts} value={account} onChange={(next) => update({ account: next })} />
        </div>
      ) : null}
      {several && !account && ordersQuery.data && serversQuery.data ? (
        <Suspense fallback={null}>
          <AccountTotals orders={ordersQuery.data} servers={serversQuery.data} accounts={accounts} />
        </Suspense>
      ) : null}
      <AccountFailures list="orders" />
      <Section id="attention" title="Needs attention" className="lg:col-span-2">
        {orders.isPending ? (
          <SkeletonRows rows={3} label="Loading orders…" />
        ) : orders.isLoadingError ? (
          <QueryErrorAlert title="Orders could not be loaded" query={orders} />
        ) : (
          <div className="grid gap-4 md:grid-cols-2">
            <div>
              <h3 className="font-semibold">Waiting for payment ({waiting.length})</h3>
              {waiting.length === 0 ? (
                <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">No open invoices.</p>
              ) : (
                <>
                  <PaymentNotice orders={waiting} className="mt-2" />
                  <OrderLines orders={waiting} accountLabel={several ? label : null} />
                </>
              )}
              <p className="mt-2 text-sm">
                <Link href="/orders?status=payment" className={link}>
                  Orders waiting for payment or processing
                </Link>
              </p>
            </div>
            <div>
              <h3 className="font-semibold">In progress ({moving.length})</h3>
              {moving.length === 0 ? <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">Nothing is being set up right now.</p> : <OrderLines orders={moving} accountLabel={several ? label : null} />}
              <p className="mt-2 text-sm">
                <Link href="/orders?status=pending" className={link}>
                  Orders pending creation
                </Link>
              </p>
            </div>
            <div className="md:col-span-2">
              <LastUpdated updatedAt={orders.dataUpdatedAt} live={active} fetching={orders.isFetching} />
            </div>
          </div>
        )}
      </Section>

      <Section id="latest" title="Latest settled orders">
        {orders.isPending ? (
          <SkeletonRows rows={5} label="Loading orders…" />
        ) : orders.isLoadingError ? (
          <p className="text-sm">See above.</p>
        ) : latest.length === 0 ? (
          <div>
            <p className="text-sm">{orders.data.length === 0 ? "No orders yet." : "Every order is still in progress (see above)."}</p>
            <ButtonLink href="/orders/new" className="mt-3">
              Place your first order
            </ButtonLink>
          </div>
        ) : (
          <OrderLines orders={latest} showTime accountLabel={several ? label : null} />
        )}
        <p className="mt-3 text-sm">
          <Link href="/orders" className={link}>
            All orders
          </Link>
        </p>
      </Section>

      <Section id="servers" title="Servers">
        {servers.isPending ? (
          <div role="status" className="grid grid-cols-2 gap-3">
            <span className="sr-only">Loading servers…</span>
            <Skeleton className="h-20" />
            <Skeleton className="h-20" />
          </div>
        ) : servers.isLoadingError ? (
          <QueryErrorAlert title="Servers could not be loaded" query={servers} />
        ) : (
          <>
            <div className="grid grid-cols-2 gap-3">
              <CountLink href="/servers?state=running" count={running} label="running" />
              <CountLink href="/servers?state=stopped" count={stopped} label="stopped" />
            </div>
            {newest ? (
              <p className="mt-3 text-sm">
                Newest:{" "}
                <Link href={`/servers/${newest.id}`} className={link}>
                  {newest.name}
                </Link>{" "}
                <RunningBadge running={newest.is_running === 1} />
              </p>
            ) : (
              <p className="mt-3 text-sm">No servers yet: they appear once an order is completed.</p>
            )}
          </>
        )}
        <p className="mt-3 text-sm">
          <Link href="/servers" className={link}>
            All servers
          </Link>
        </p>
      </Section>
    </div>
  );
}

function Section({ id, title, className = "", children }: { id: string; title: string; className?: string; children: ReactNode }) {
  return (
    <Card aria-labelledby={`${id}-title`} className={className}>
      <h2 id={`${id}-title`} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </Card>
  );
}

/** A query's answer narrowed to one account ("" keeps every account); the rest as it was. */
function narrow<Q extends { data?: readonly { account?: string }[] }>(query: Q, account: string): Q {
  if (!account || !query.data) return query;
  return { ...query, data: query.data.filter((row) => row.account === account) };
}

function OrderLines({ orders, showTime = false, accountLabel = null }: { orders: Order[]; showTime?: boolean; accountLabel?: ((key: string | undefined) => string) | null }) {
  return (
    <ul className="mt-2 divide-y divide-slate-200 dark:divide-slate-700">
      {orders.map((order) => (
        <li key={order.order_id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
          <span className="min-w-0">
            <Link href={`/orders/${order.order_id}`} className={link}>
              Order {order.order_id}
            </Link>
            {order.reference ? <span> · {order.reference}</span> : null}
            {accountLabel ? <span className="text-slate-600 dark:text-slate-300"> · {accountLabel(order.account)}</span> : null}
            {showTime ? (
              <span className="block text-xs text-slate-600 dark:text-slate-300">
                <DateTime value={order.created} />
              </span>
            ) : null}
          </span>
          <StatusBadge code={order.status} />
        </li>
      ))}
    </ul>
  );
}

function CountLink({ href, count, label }: { href: string; count: number; label: string }) {
  return (
    <Link
      href={href}
      className="block rounded-lg border border-slate-200 p-3 hover:border-blue-600 hover:bg-blue-50 dark:border-slate-700 dark:hover:border-blue-400 dark:hover:bg-slate-800"
    >
      <span className="block text-3xl font-semibold tabular-nums">{count}</span>
      <span className="text-sm text-blue-700 underline dark:text-blue-300">
        {pluralForm(count, nouns.server)} {label}
      </span>
    </Link>
  );
}

