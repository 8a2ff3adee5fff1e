"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/queries/api-fetch";

export function SignOutButton() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  async function handleClick() {
    setPending(true);
    setFailed(false);
    try {
      await apiFetch("/api/session", { method: "DELETE" });
      // Nothing of the previous account may linger in the cache for the next one.
      queryClient.clear();
      router.replace("/login");
      router.refresh();
    } catch {
      setFailed(true);
      setPending(false);
    }
  }

  return (
    <>
      <Button variant="secondary" size="sm" onClick={handleClick} pending={pending}>
        Sign out
      </Button>
      {failed ? (
        <span role="alert" className="text-sm text-red-700 dark:text-red-300">
          Sign-out failed; try again.
        </span>
      ) : null}
    </>
  );
}
