import type { Metadata } from "next";
import { Suspense } from "react";
import { ServerInventory } from "@/components/servers/server-inventory";
import { PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Servers" };

export default function ServersPage() {
  return (
    <>
      <PageHeader title="Servers" description="Every server with its networks and disks." />
      {/* useSearchParams needs a Suspense boundary; the fallback matches the loading skeleton. */}
      <Suspense fallback={<p className="text-sm text-slate-600 dark:text-slate-300">Loading servers…</p>}>
        <ServerInventory />
      </Suspense>
    </>
  );
}
