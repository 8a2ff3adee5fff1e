import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { ServerInventory } from "@/components/servers/server-inventory";
import { PageHeader } from "@/components/ui/page-header";
import { prefetch } from "@/lib/server/prefetch";

export const metadata: Metadata = { title: "Servers" };

export default async function ServersPage() {
  // The orders give each server its order link.
  const state = await prefetch({ servers: true, orders: true });
  return (
    <HydrationBoundary state={state}>
      <PageHeader title="Servers" description="Every server with its networks and disks." />
      {/* No Suspense boundary: see app/(dashboard)/orders/page.tsx. */}
      <ServerInventory />
    </HydrationBoundary>
  );
}
