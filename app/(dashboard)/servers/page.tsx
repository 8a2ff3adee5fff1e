import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Servers" };

export default function ServersPage() {
  return <PageHeader title="Servers" description="Every server with its networks and disks." />;
}
