import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Overview" };

export default function OverviewPage() {
  return <PageHeader title="Overview" description="What needs attention, your latest orders and your servers." />;
}
