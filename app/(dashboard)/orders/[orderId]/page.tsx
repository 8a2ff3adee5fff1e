import { PrefetchedQueries } from "@/components/shell/prefetched-queries";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrderDetail } from "@/components/orders/order-detail";
import { prefetch } from "@/lib/server/prefetch";

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
  // The list gives the order its reference and creation time (order_status has neither).
  const { state } = await prefetch({ order: id, orders: true });
  return (
    <PrefetchedQueries state={state}>
      {/* No Suspense boundary (nor loading.tsx): see app/(dashboard)/orders/page.tsx. */}
      <OrderDetail orderId={id} />
    </PrefetchedQueries>
  );
}
