import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "New order" };

export default function NewOrderPage() {
  return <PageHeader title="New order" description="Order one or more servers." />;
}
