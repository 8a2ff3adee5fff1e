import type { Metadata } from "next";
import { Suspense } from "react";
import { OrdersList } from "@/components/orders/orders-list";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { SkeletonRows } from "@/components/ui/skeleton";

export const metadata: Metadata = { title: "Orders" };

export default function OrdersPage() {
  return (
    <>
      <PageHeader title="Orders" description="Every order with its status. Orders in progress update by themselves." actions={<ButtonLink href="/orders/new">New order</ButtonLink>} />
      {/* The list reads its filter from the URL (useSearchParams), which needs a Suspense boundary. */}
      <Suspense fallback={<SkeletonRows rows={6} label="Loading orders…" />}>
        <OrdersList />
      </Suspense>
    </>
  );
}
