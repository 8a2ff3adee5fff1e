import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SessionList } from "@/components/sessions/session-list";
import { PageHeader } from "@/components/ui/page-header";
import { listAccountSessions } from "@/lib/server/account-sessions";
import { getSession } from "@/lib/server/session";
import { publicAccounts } from "@/lib/server/session-accounts";

export const metadata: Metadata = { title: "Sessions" };

/** Rendered on the server from the store on every visit: the list is never stale or cached. */
export const dynamic = "force-dynamic";

export default async function SessionsPage() {
  const session = await getSession();
  if (!session) redirect("/login?reason=expired");
  const sessions = await listAccountSessions(session, await publicAccounts(session));
  return (
    <>
      <PageHeader
        title="Sessions"
        description="Browsers signed in to this klikk account through this dashboard. Ending a session signs that browser out on its next request."
      />
      <SessionList sessions={sessions} />
    </>
  );
}
