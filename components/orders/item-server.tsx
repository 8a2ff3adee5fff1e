"use client";

import { AppLink as Link } from "@/components/ui/app-link";
import { Skeleton } from "@/components/ui/skeleton";
import { RunningBadge } from "@/components/ui/status-badge";
import { useServersQuery } from "@/lib/queries/servers";

/** The server an item created, found through server_list's order_item_id, linked to its page. */
export function ItemServer({ itemId, account, scheduledEnd }: { itemId: number; account?: string; scheduledEnd: boolean }) {
  const servers = useServersQuery(itemId, account);
  if (servers.isPending) return <Skeleton className="h-5 w-48" />;
  if (servers.isError) return <p className="text-sm text-red-700 dark:text-red-300">The server could not be looked up: {servers.error.message}</p>;
  const server = servers.data[0];
  if (!server) return <p className="text-sm text-slate-600 dark:text-slate-300">No server is listed for this item.</p>;
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm">
      <span>Server:</span>
      <Link href={`/servers/${server.id}`} className="font-medium text-blue-700 underline hover:no-underline dark:text-blue-300">
        {server.name} (server {server.id})
      </Link>
      <RunningBadge running={server.is_running === 1} />
      {scheduledEnd ? <span className="text-slate-600 dark:text-slate-300">Keeps running until the end of the current period.</span> : null}
    </p>
  );
}
