"use client";

import { AppLink as Link } from "@/components/ui/app-link";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { InventoryFilters } from "@/components/servers/inventory-filters";
import { InventoryPlaceholder } from "@/components/servers/inventory-placeholder";
import { AccountFailures } from "@/components/accounts/account-failures";
import { useAccountLabels } from "@/components/accounts/session-accounts";
import { useOrdersQuery } from "@/lib/queries/orders";
import { useServersQuery } from "@/lib/queries/servers";
import { isSortKey, type RunningFilter, type SortKey } from "@/lib/servers/view-state";
import { orderItemOf } from "@/lib/servers/orders";
import { profilesOf } from "@/lib/servers/profiles";
import { useSearchState } from "@/lib/url-state/use-search-state";

/**
 * The table, cards and totals with their row logic and the virtualizer: not in the page's first
 * load, which shows the filters and a placeholder. Requested when this module is evaluated, so
 * it loads during hydration, in parallel with /api/servers, and is there before the list is.
 */
const results = import("@/components/servers/inventory-results");
const InventoryResults = lazy(() => results.then((m) => ({ default: m.InventoryResults })));
// The order-item banner shows only on links from an order page. The results above use the same
// Alert, so its code is on its way from the first moment as well.
const Alert = lazy(() => import("@/components/ui/alert").then((m) => ({ default: m.Alert })));

// Module-level so that useSearchState's callback stays stable.
const DEFAULTS = { q: "", state: "all", profile: "all", account: "", sort: "name", dir: "asc", orderItemId: "" };
const SEARCH_URL_DELAY_MS = 250;

function parseOrderItemId(raw: string): number | undefined {
  return /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : undefined;
}

export function ServerInventory() {
  const [values, update] = useSearchState(DEFAULTS);
  const orderItemId = parseOrderItemId(values.orderItemId);
  // The list itself is read here only for the profile filter's options; InventoryResults reads it too.
  const data = useServersQuery(orderItemId).data;
  const { several, label: labelOfAccount } = useAccountLabels();
  // Stable per set of accounts, so the memoised table and cards skip renders that change nothing.
  const accountLabel = several ? labelOfAccount : null;
  const orders = useOrdersQuery().data;

  // The box keeps its own text so typing never waits for the router; the URL follows shortly after.
  const [text, setText] = useState(values.q);
  const pushedQ = useRef(values.q);
  const urlTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    // A q that this box did not write came from outside (back button, a link): adopt it.
    if (values.q === pushedQ.current) return;
    pushedQ.current = values.q;
    setText(values.q);
  }, [values.q]);
  useEffect(
    () => () => {
      if (urlTimer.current) clearTimeout(urlTimer.current);
    },
    [],
  );

  const handleSearch = useCallback((next: string) => {
    setText(next);
    if (urlTimer.current) clearTimeout(urlTimer.current);
    urlTimer.current = setTimeout(() => {
      pushedQ.current = next;
      update({ q: next }, { replace: true });
    }, SEARCH_URL_DELAY_MS);
  }, [update]);

  const running: RunningFilter = values.state === "running" || values.state === "stopped" ? values.state : "all";
  const sort: SortKey = isSortKey(values.sort) ? values.sort : "name";
  const dir = values.dir === "desc" ? "desc" : "asc";
  const profiles = useMemo(() => (data ? profilesOf(data) : []), [data]);

  const handleSort = useCallback(
    (key: SortKey) => {
      const nextDir = key === sort ? (dir === "asc" ? "desc" : "asc") : "asc";
      update({ sort: key, dir: nextDir }, { replace: true });
    },
    [sort, dir, update],
  );

  const clearFilters = useCallback(() => {
    handleSearch("");
    update({ q: "", state: "all", profile: "all", account: "" });
  }, [handleSearch, update]);

  const orderOfItem = orderItemId !== undefined && orders ? orderItemOf(orders, orderItemId)?.order.order_id : undefined;

  return (
    <div>
      {values.orderItemId !== "" ? (
        <Suspense fallback={null}>
          {orderItemId === undefined ? (
            <Alert tone="warning" title="This link names no valid order item" className="mb-4">
              <p>
                “{values.orderItemId}” is not an order item id. <Link href="/servers" className="font-medium underline">Show all servers</Link>.
              </p>
            </Alert>
          ) : (
            <Alert tone="info" title={`Servers of order item ${orderItemId}`} className="mb-4">
              <p>
                Only the servers created by order item {orderItemId}
                {orderOfItem !== undefined ? (
                  <>
                    {" "}of <Link href={`/orders/${orderOfItem}`} className="font-medium underline">order {orderOfItem}</Link>
                  </>
                ) : null}{" "}
                are listed. <Link href="/servers" className="font-medium underline">Show all servers</Link>
              </p>
            </Alert>
          )}
        </Suspense>
      ) : null}

      <InventoryFilters
        text={text}
        onSearch={handleSearch}
        running={running}
        profile={values.profile}
        profiles={profiles}
        account={values.account}
        onChange={(changes) => update(changes)}
      />

      {orderItemId === undefined ? <AccountFailures list="servers" /> : null}

      <Suspense fallback={<InventoryPlaceholder />}>
        <InventoryResults
          orderItemId={orderItemId}
          text={text}
          running={running}
          profile={values.profile}
          account={values.account}
          sort={sort}
          dir={dir}
          onSort={handleSort}
          onClearFilters={clearFilters}
          accountLabel={accountLabel}
        />
      </Suspense>
    </div>
  );
}
