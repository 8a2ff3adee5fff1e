"use client";

import { useRouter } from "next/navigation";
import { CredentialsForm, remember } from "@/components/login/credentials-form";
import { apiFetch } from "@/lib/queries/api-fetch";

/** Signs in, remembers the method (never the credential) and goes on to `next`. */
export function SignInForm({ next, dashboardAddress }: { next: string; dashboardAddress: string | null }) {
  const router = useRouter();
  return (
    <CredentialsForm
      dashboardAddress={dashboardAddress}
      submitLabel="Sign in"
      pendingLabel="Signing in…"
      onSubmit={async (credentials) => {
        await apiFetch("/api/session", { method: "POST", body: credentials });
        remember(credentials.method === "token" ? "token" : "password", credentials.method === "token" ? "digest" : credentials.method);
        router.replace(next);
        router.refresh();
        return "leave";
      }}
    />
  );
}
