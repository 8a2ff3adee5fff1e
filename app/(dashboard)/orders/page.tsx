import { PrefetchedQueries } from "@/components/shell/prefetched-queries";
import type { Metadata } from "next";
import { NewOrderLink } from "@/components/orders/new-order-link";
import { OrdersList } from "@/components/orders/orders-list";
import { PageHeader } from "@/components/ui/page-header";
import { prefetch } from "@/lib/server/prefetch";

export const metadata: Metadata = { title: "Orders" };

export default async function OrdersPage() {
  const { state } = await prefetch({ orders: true });
  return (
    <PrefetchedQueries state={state}>
      <PageHeader title="Orders" description="Every order with its status. Orders in progress update by themselves." actions={<NewOrderLink />} />
      {/* No Suspense boundary around it: the page is rendered per request (useSearchParams does
          not suspend then), and a boundary lets React stream the rows behind a fallback that
          only a script swaps out, so the HTML alone would not show them. */}
      <OrdersList />
    </PrefetchedQueries>
  );
}
