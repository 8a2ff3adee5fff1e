"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { ServerDetails } from "@/components/servers/server-details";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { RunningBadge } from "@/components/ui/status-badge";
import { useOrdersQuery } from "@/lib/queries/orders";
import { useServersQuery } from "@/lib/queries/servers";
import { formatCount, formatStorage, formatMemory } from "@/lib/format/numbers";
import { orderIdsByItem, profileLabel, toRow } from "@/lib/servers/inventory";

const backLink = (
  <ButtonLink href="/servers" variant="secondary">
    All servers
  </ButtonLink>
);

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

  if (serversQuery.isPending) {
    return (
      <div aria-busy="true">
        <PageHeader title={`Server ${serverId}`} description="Loading…" actions={backLink} />
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
        <PageHeader title={`Server ${serverId}`} actions={backLink} />
        <Alert tone="error" title="The server could not be loaded">
          <p>{serversQuery.error.message}</p>
          <Button variant="secondary" size="sm" className="mt-2" pending={serversQuery.isFetching} onClick={() => void serversQuery.refetch()}>
            Try again
          </Button>
        </Alert>
      </>
    );
  }

  const server = serversQuery.data.find((s) => s.id === serverId);
  if (!server) {
    return (
      <>
        <PageHeader title="Server not found" actions={backLink} />
        <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-600">
          <p className="text-sm">
            There is no server {serverId} in your account. It may have been removed, or it belongs to a profile this sign-in cannot see.
          </p>
          <p className="mt-3 text-sm">
            <Link href="/servers" className="font-medium text-blue-700 underline dark:text-blue-300">
              Back to all servers
            </Link>
          </p>
        </div>
      </>
    );
  }

  const row = toRow(server);
  const orderId = row.orderItemId !== null && ordersQuery.data ? orderIdsByItem(ordersQuery.data).get(row.orderItemId) : undefined;

  return (
    <>
      <PageHeader
        title={server.name}
        description={`Server ${server.id}`}
        actions={
          <>
            <Button variant="secondary" pending={serversQuery.isFetching} onClick={() => void serversQuery.refetch()}>
              Refresh
            </Button>
            {backLink}
          </>
        }
      />
      {serversQuery.isError ? (
        <Alert tone="warning" title="Could not refresh this server" className="mb-4">
          <p>{serversQuery.error.message}</p>
        </Alert>
      ) : null}
      <dl className="mb-6 grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
        <Fact label="State">
          <RunningBadge running={row.running} />
        </Fact>
        <Fact label="vCPUs">{formatCount(row.cpu)}</Fact>
        <Fact label="Memory">{formatMemory(row.memoryMiB)}</Fact>
        <Fact label="Storage">{formatStorage(row.storageMB)}</Fact>
        <Fact label="Profile">{profileLabel(row.profile)}</Fact>
        <Fact label="Order">
          {row.orderItemId === null ? (
            "unknown"
          ) : orderId !== undefined ? (
            <Link href={`/orders/${orderId}`} className="text-blue-700 underline dark:text-blue-300">
              Order {orderId} · item {row.orderItemId}
            </Link>
          ) : (
            `Item ${row.orderItemId}`
          )}
        </Fact>
      </dl>
      <ServerDetails server={server} headingLevel={2} />
    </>
  );
}
