import { PrefetchedQueries } from "@/components/shell/prefetched-queries";
import type { Metadata } from "next";
import { NewOrderLink } from "@/components/orders/new-order-link";
import { Overview } from "@/components/overview/overview";
import { EarlyServerList } from "@/components/servers/early-server-list";
import { PageHeader } from "@/components/ui/page-header";
import { prefetch } from "@/lib/server/prefetch";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const { state, serverListTooLarge } = await prefetch({ orders: true, servers: true });
  return (
    <PrefetchedQueries state={state}>
      <EarlyServerList when={serverListTooLarge} />
      <PageHeader title="Overview" description="What needs attention, your latest orders and your servers." actions={<NewOrderLink />} />
      <Overview />
    </PrefetchedQueries>
  );
}
