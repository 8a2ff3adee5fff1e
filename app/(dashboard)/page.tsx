import type { Metadata } from "next";
import { Overview } from "@/components/overview/overview";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Overview" };

export default function OverviewPage() {
  return (
    <>
      <PageHeader title="Overview" description="What needs attention, your latest orders and your servers." actions={<ButtonLink href="/orders/new">New order</ButtonLink>} />
      <Overview />
    </>
  );
}
