"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/queries/api-fetch";

/** Ends every session of this account on this dashboard, this one included. */
export function SignOutEverywhereButton() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  async function handleClick() {
    setPending(true);
    setFailed(false);
    try {
      await apiFetch("/api/sessions", { method: "DELETE" });
      queryClient.clear();
      router.replace("/login?reason=signed-out");
      router.refresh();
    } catch {
      setFailed(true);
      setPending(false);
    }
  }

  return (
    <>
      <Button variant="ghost" size="sm" onClick={handleClick} pending={pending}>
        Sign out everywhere
      </Button>
      {failed ? (
        <span role="alert" className="text-sm text-red-700 dark:text-red-300">
          Signing out everywhere failed; try again.
        </span>
      ) : null}
    </>
  );
}
