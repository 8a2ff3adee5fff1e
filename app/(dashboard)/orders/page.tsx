import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Orders" };

export default function OrdersPage() {
  return <PageHeader title="Orders" description="Every order with its status." />;
}
