import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AccountsPanel } from "@/components/accounts/accounts-panel";
import { PageHeader } from "@/components/ui/page-header";
import { upstreamLocalAddress } from "@/lib/server/klikk";
import { getSession } from "@/lib/server/session";

export const metadata: Metadata = { title: "Accounts" };
export const dynamic = "force-dynamic";

/** The session's klikk accounts: add another, rename, choose where orders go, remove. */
export default async function AccountsPage() {
  const session = await getSession();
  if (!session) redirect("/login?reason=expired");
  return (
    <>
      <PageHeader
        title="Accounts"
        description="Every klikk account and profile in this dashboard session. Lists show all of them together or one at a time; new orders go to the account you choose."
      />
      <AccountsPanel
        dashboardAddress={await upstreamLocalAddress()}
        addIntro={
          <p className="text-sm text-slate-600 dark:text-slate-300">
            Another token (each token belongs to one profile) or another username. It is checked with the klikk API like a sign-in and kept encrypted with
            this session.
          </p>
        }
      />
    </>
  );
}
