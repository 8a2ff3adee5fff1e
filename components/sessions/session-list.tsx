"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { DateTime } from "@/components/ui/time";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button-core";
import { apiFetch, isApiError } from "@/lib/queries/api-fetch";
import type { AccountSession } from "@/lib/sessions/account-session";

const METHOD_LABEL: Record<string, string> = { token: "account token", basic: "password (Basic)", digest: "password (Digest)" };

/**
 * The account's sessions with a way to end each other one, or all others at once. After an
 * action the server component above renders the list again (router.refresh), so what is shown
 * is always what the store holds.
 */
export function SessionList({ sessions }: { sessions: AccountSession[] }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const others = sessions.filter((session) => !session.current);

  async function run(key: string, action: () => Promise<unknown>, done: string) {
    setPending(key);
    setMessage(null);
    try {
      await action();
      setMessage({ tone: "success", text: done });
      router.refresh();
    } catch (error) {
      setMessage({ tone: "error", text: isApiError(error) ? error.message : "That did not work. Try again." });
    } finally {
      setPending(null);
    }
  }

  async function endThis(session: AccountSession) {
    if (session.current) {
      setPending(session.id);
      try {
        await apiFetch(`/api/sessions/${session.id}`, { method: "DELETE" });
        queryClient.clear();
        router.replace("/login?reason=signed-out");
      } catch (error) {
        setMessage({ tone: "error", text: isApiError(error) ? error.message : "Signing out failed. Try again." });
        setPending(null);
      }
      return;
    }
    await run(session.id, () => apiFetch(`/api/sessions/${session.id}`, { method: "DELETE" }), `Ended the session of ${session.browser}. It is signed out on its next request.`);
  }

  return (
    <div className="space-y-4">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-700 dark:border-slate-700 dark:bg-slate-900" aria-label="Sessions">
        {sessions.map((session) => (
          <li key={session.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 p-4">
            <div className="min-w-0 flex-1">
              <p className="font-medium">
                {session.browser}
                {session.current ? (
                  <span className="ml-2 rounded-full border border-blue-300 bg-blue-50 px-2 py-0.5 text-xs font-medium text-blue-900 dark:border-blue-700 dark:bg-blue-950 dark:text-blue-100">
                    This session
                  </span>
                ) : null}
              </p>
              <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm text-slate-600 dark:text-slate-300">
                <dt>Address</dt>
                <dd className="font-mono break-all">{session.clientAddress}</dd>
                <dt>Signed in</dt>
                <dd>
                  <DateTime value={session.createdAt} /> with {METHOD_LABEL[session.method] ?? session.method}
                </dd>
                <dt>Accounts</dt>
                <dd>
                  {session.accounts.join(", ")}
                  {session.otherAccounts > 0 ? ` and ${session.otherAccounts} other${session.otherAccounts === 1 ? "" : "s"}` : ""}
                </dd>
                <dt>Last seen</dt>
                <dd>
                  <DateTime value={session.lastSeenAt} />
                </dd>
              </dl>
            </div>
            <Button variant="secondary" size="sm" pending={pending === session.id} disabled={pending !== null} onClick={() => endThis(session)}>
              {session.current ? "Sign out" : "End session"}
              <span className="sr-only">
                {" "}
                of {session.browser} from {session.clientAddress}
              </span>
            </Button>
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <Button
          variant="secondary"
          pending={pending === "others"}
          disabled={pending !== null}
          onClick={() =>
            run("others", () => apiFetch("/api/sessions?keep=current", { method: "DELETE" }), `Ended ${others.length === 1 ? "the other session" : `all ${others.length} other sessions`}.`)
          }
        >
          End all other sessions
        </Button>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-300">No other browser is signed in to this account here.</p>
      )}
    </div>
  );
}
