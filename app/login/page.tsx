import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/login/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { safeNextPath } from "@/lib/safe-next";
import { getEnv } from "@/lib/server/env";
import { upstreamLocalAddress } from "@/lib/server/klikk";
import { getSession } from "@/lib/server/session";

export const metadata: Metadata = { title: "Sign in" };

const DEMO_CREDENTIALS = [
  { who: "demo / demo", what: "two profiles, Demo AS and Demo Labs, full rights" },
  { who: "demo-readonly / demo", what: "read-only on Demo AS" },
  { who: "demo-2fa / demo", what: "a 2-factor account: its password is refused, as upstream" },
  { who: "token demo-token", what: "Demo AS, allowed from this machine" },
  { who: "token demo-token-labs", what: "Demo Labs (little credit), allowed from this machine" },
  { who: "token demo-token-remote", what: "allowed only from 203.0.113.0/24: refused here" },
];

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === "string" ? params.next : null);
  if (await getSession()) redirect(next);
  const env = getEnv();
  const dashboardAddress = await upstreamLocalAddress();
  // Why the visitor is here: the sign-out button sends `signed-out`; the proxy adds `expired`
  // when a session cookie came along but is no longer valid.
  const reason = params.reason === "signed-out" || params.reason === "expired" ? params.reason : null;

  return (
    <div className="min-h-dvh">
      <div className="mx-auto flex max-w-5xl justify-end px-4 pt-4">
        <ThemeToggle />
      </div>
      <main id="main" className="mx-auto grid max-w-5xl gap-8 px-4 pt-6 pb-16 md:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Sign in to klikk dashboard</h1>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
            Your credentials are checked with the klikk API and kept encrypted on this dashboard&apos;s server; the browser never sees them again.
          </p>
          {reason === "signed-out" ? (
            <Alert tone="info" title="You are signed out" className="mt-4">
              <p>Sign in again to continue.</p>
            </Alert>
          ) : reason === "expired" ? (
            <Alert tone="warning" title="Your session expired, sign in again" className="mt-4">
              <p>Sessions end after 30 minutes without use and after 12 hours at most.</p>
            </Alert>
          ) : null}
          <SignInForm next={next} dashboardAddress={dashboardAddress} />
        </div>
        <aside className="space-y-4 text-sm">
          <section aria-labelledby="which-method" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
            <h2 id="which-method" className="font-semibold">
              Which method?
            </h2>
            <p className="mt-2">
              Use an <strong>account token</strong> if your account has 2-factor login (the API refuses passwords for such accounts). A token only works from the addresses on its allow list, and
              the API sees this dashboard&apos;s server, not your browser:{" "}
              {dashboardAddress ? (
                <>
                  it connects from <code className="font-mono">{dashboardAddress}</code>
                </>
              ) : (
                "its address could not be found right now"
              )}
              .
            </p>
            <p className="mt-2">
              Otherwise use your <strong>username and password</strong>. Prefer Digest: the password itself never crosses the network.
            </p>
          </section>
          {env.demoMode ? (
            <section aria-labelledby="demo-accounts" className="rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950">
              <h2 id="demo-accounts" className="font-semibold">
                Demo mode
              </h2>
              <p className="mt-1">This dashboard talks to the built-in simulator. Try these:</p>
              <ul className="mt-2 space-y-1">
                {DEMO_CREDENTIALS.map((entry) => (
                  <li key={entry.who}>
                    <code className="font-mono font-medium">{entry.who}</code>: {entry.what}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </main>
    </div>
  );
}
