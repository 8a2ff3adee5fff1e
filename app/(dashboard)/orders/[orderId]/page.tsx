import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { OrderDetail } from "@/components/orders/order-detail";
import { PageHeader } from "@/components/ui/card";
import { SkeletonRows } from "@/components/ui/skeleton";

type Props = { params: Promise<{ orderId: string }> };

/** Only whole numbers are order ids; anything else is a 404 before the API is asked. */
function parseOrderId(raw: string): number | null {
  if (!/^\d{1,15}$/.test(raw)) return null;
  const id = Number(raw);
  return id > 0 ? id : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseOrderId((await params).orderId);
  return { title: id === null ? "Order not found" : `Order ${id}` };
}

export default async function OrderPage({ params }: Props) {
  const id = parseOrderId((await params).orderId);
  if (id === null) notFound();
  return (
    // The page reads ?created and ?status (useSearchParams), which needs a Suspense boundary.
    <Suspense
      fallback={
        <>
          <PageHeader title={`Order ${id}`} />
          <SkeletonRows rows={3} label="Loading the order…" />
        </>
      }
    >
      <OrderDetail orderId={id} />
    </Suspense>
  );
}
