import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SessionAccountsProvider } from "@/components/accounts/session-accounts";
import { QueryProvider } from "@/components/providers";
import { LiveNotices } from "@/components/notifications/live-notices";
import { ReadOnlyNotice } from "@/components/orders/read-only-notice";
import { AppHeader, SkipLink } from "@/components/shell/app-header";
import { getEnv } from "@/lib/server/env";
import { getSession, tokenHint } from "@/lib/server/session";
import { publicAccounts } from "@/lib/server/session-accounts";

/** The signed-in shell. It checks the session itself; the proxy's redirect is only a convenience. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const session = await getSession();
  if (!session) redirect("/login");
  const account = { method: session.auth.method, ...(session.username ? { username: session.username } : {}), ...tokenHint(session.auth) };
  return (
    <QueryProvider>
      <SessionAccountsProvider accounts={await publicAccounts(session)}>
        <SkipLink />
        <AppHeader account={account} demoMode={getEnv().demoMode} />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl px-4 py-6 focus:outline-none">
          <ReadOnlyNotice />
          {children}
        </main>
        <LiveNotices />
      </SessionAccountsProvider>
    </QueryProvider>
  );
}
