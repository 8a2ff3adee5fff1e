"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/lib/queries/api-fetch";

/** Signs out (here, or everywhere) and lands on the sign-in page, which then says "You are signed out". */
export function useSignOut() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  /** `everywhere` ends every session of the account on this dashboard, this one included. */
  async function signOut({ everywhere = false }: { everywhere?: boolean } = {}) {
    setPending(true);
    setFailed(false);
    try {
      await apiFetch(everywhere ? "/api/sessions" : "/api/session", { method: "DELETE" });
      // Nothing of the previous account may linger in the cache for the next one.
      queryClient.clear();
      router.replace("/login?reason=signed-out");
      router.refresh();
    } catch {
      setFailed(true);
      setPending(false);
    }
  }

  return { signOut, pending, failed };
}
