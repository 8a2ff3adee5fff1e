"use client";

import { useAccountLabels } from "@/components/accounts/session-accounts";
import { AppLink as Link } from "@/components/ui/app-link";
import { lazy, Suspense, type ReactNode } from "react";
import { useCancelFlow } from "@/components/orders/use-cancel-flow";
import { ServerDetails } from "@/components/servers/server-details";
import { ServerHeader } from "@/components/servers/server-header";
import { PageHeader } from "@/components/ui/page-header";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { formatCount } from "@/lib/format/numbers";
import { formatMemory, formatStorage } from "@/lib/format/sizes";
import { useOrdersQuery } from "@/lib/queries/orders";
import { useServersQuery } from "@/lib/queries/servers";
import { toRow } from "@/lib/servers/row";
import { orderItemOf } from "@/lib/servers/orders";
import { profileLabel } from "@/lib/servers/profiles";

// A server id that is not in the list is rare: its panel loads when shown. The server's HTML
// still has it (React's lazy resolves while the page is rendered there).
const NotFoundPanel = lazy(() => import("@/components/shell/not-found-panel").then((m) => ({ default: m.NotFoundPanel })));

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900">
      <dt className="text-xs font-medium text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className="mt-0.5 text-sm font-semibold">{children}</dd>
    </div>
  );
}

/**
 * One server, found in the server list (the upstream has no single-server call). The list is
 * the same cached query as /servers, so coming from the table costs no request.
 */
export function ServerDetailPage({ serverId }: { serverId: number }) {
  const serversQuery = useServersQuery();
  const ordersQuery = useOrdersQuery();
  const { openCancel, notice, dialog } = useCancelFlow(() => {});
  const { several, label: accountLabel } = useAccountLabels();

  if (serversQuery.isPending) {
    return (
      <div aria-busy="true">
        <PageHeader title={`Server ${serverId}`} description="Loading…" />
        <div className="space-y-2">
          <div className="h-16 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" />
          <div className="h-40 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" />
        </div>
      </div>
    );
  }

  if (serversQuery.isError && !serversQuery.data) {
    return (
      <>
        <PageHeader title={`Server ${serverId}`} />
        <QueryErrorAlert title="The server could not be loaded" query={serversQuery} />
      </>
    );
  }

  const server = serversQuery.data.find((s) => s.id === serverId);
  if (!server) {
    return (
      <Suspense fallback={null}>
        <NotFoundPanel title="Server not found" backHref="/servers" backLabel="Back to all servers">
          There is no server {serverId} in {several ? "this session's accounts" : "your account"}. It may have been removed, or it belongs to a profile this sign-in cannot see.
        </NotFoundPanel>
      </Suspense>
    );
  }

  const row = toRow(server);
  const owner = row.orderItemId !== null && ordersQuery.data ? orderItemOf(ordersQuery.data, row.orderItemId) : undefined;

  return (
    <>
      <ServerHeader server={server} row={row} owner={owner} refreshing={serversQuery.isFetching} onRefresh={() => void serversQuery.refetch()} onCancel={openCancel} />
      {notice}
      {serversQuery.isError ? (
        <QueryErrorAlert tone="warning" title="Could not refresh this server" query={serversQuery} note="This shows what was loaded before." className="mb-4" />
      ) : null}
      <dl className="mb-6 grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
        <Fact label="vCPUs">{formatCount(row.cpu)}</Fact>
        <Fact label="Memory">{formatMemory(row.memoryMiB)}</Fact>
        <Fact label="Storage">{formatStorage(row.storageMB)}</Fact>
        {several ? <Fact label="Account">{accountLabel(row.account)}</Fact> : null}
        <Fact label="Profile">{profileLabel(row.profile)}</Fact>
        <Fact label="Order">
          {row.orderItemId === null ? (
            "unknown"
          ) : owner ? (
            <Link href={`/orders/${owner.order.order_id}`} className="text-blue-700 underline dark:text-blue-300">
              Order {owner.order.order_id} · item {row.orderItemId}
            </Link>
          ) : (
            `Item ${row.orderItemId}`
          )}
        </Fact>
      </dl>
      <ServerDetails server={server} headingLevel={2} />
      <p className="mt-6 text-sm">
        <Link href="/servers" className="font-medium text-blue-700 underline dark:text-blue-300">
          Back to all servers
        </Link>
      </p>
      {dialog}
    </>
  );
}
