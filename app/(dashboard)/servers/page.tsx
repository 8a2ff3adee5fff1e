import { PrefetchedQueries } from "@/components/shell/prefetched-queries";
import type { Metadata } from "next";
import { EarlyServerList } from "@/components/servers/early-server-list";
import { ServerInventory } from "@/components/servers/server-inventory";
import { PageHeader } from "@/components/ui/page-header";
import { prefetch } from "@/lib/server/prefetch";

export const metadata: Metadata = { title: "Servers" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ServersPage({ searchParams }: Props) {
  // The orders give each server its order link.
  const { state, serverListTooLarge } = await prefetch({ servers: true, orders: true });
  // One order item's servers come from another request: the whole list is not wanted then.
  const wholeList = (await searchParams).orderItemId === undefined;
  return (
    <PrefetchedQueries state={state}>
      <EarlyServerList when={serverListTooLarge && wholeList} />
      <PageHeader title="Servers" description="Every server with its networks and disks." />
      {/* No Suspense boundary: see app/(dashboard)/orders/page.tsx. */}
      <ServerInventory />
    </PrefetchedQueries>
  );
}
