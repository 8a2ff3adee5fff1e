import { PrefetchedQueries } from "@/components/shell/prefetched-queries";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EarlyServerList } from "@/components/servers/early-server-list";
import { ServerDetailPage } from "@/components/servers/server-detail-page";
import { prefetch } from "@/lib/server/prefetch";

type Props = { params: Promise<{ serverId: string }> };

function parseServerId(raw: string): number | null {
  return /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { serverId } = await params;
  return { title: `Server ${serverId}` };
}

export default async function ServerPage({ params }: Props) {
  const { serverId } = await params;
  const id = parseServerId(serverId);
  // Not a server id at all: the app's not-found page. A valid id that is not in the list gets
  // the server's own not-found state (only the browser's list can tell).
  if (id === null) notFound();
  const { state, serverListTooLarge } = await prefetch({ servers: true, orders: true });
  return (
    <PrefetchedQueries state={state}>
      <EarlyServerList when={serverListTooLarge} />
      <ServerDetailPage serverId={id} />
    </PrefetchedQueries>
  );
}
