"use client";

import { lazy, Suspense, useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button-core";
import type { PublicAccount } from "@/lib/accounts/accounts";
import { isApiError } from "@/lib/queries/api-fetch";
import { useChangeAccountMutation } from "@/lib/queries/accounts";

// The removal's confirmation, with its request, loads with the first "Remove" (or when the
// pointer or focus reaches it): most visits remove nothing.
const loadDialog = () => import("@/components/accounts/remove-account-dialog");
const RemoveAccountDialog = lazy(() => loadDialog().then((m) => ({ default: m.RemoveAccountDialog })));
// The same for the rename field: most visits rename nothing.
const loadRename = () => import("@/components/accounts/rename-account-form");
const RenameAccountForm = lazy(() => loadRename().then((m) => ({ default: m.RenameAccountForm })));

const METHODS = { token: "Account token", basic: "Password (Basic)", digest: "Password (Digest)" } as const;

function errorText(error: unknown): string {
  return isApiError(error) ? error.message : "Something went wrong. Try again.";
}

/** One account: its name and how it signs in, with rename, "use for new orders" and remove. */
export function AccountRow({ account, onRemoved }: { account: PublicAccount; onRemoved: (label: string) => void }) {
  const id = useId();
  const change = useChangeAccountMutation();
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [confirmAsked, setConfirmAsked] = useState(false);
  const who = account.method === "token" ? (account.tokenHint ? `token …${account.tokenHint}` : "token") : `user ${account.username ?? ""}`;

  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900" aria-labelledby={`${id}-name`} data-account={account.key}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 id={`${id}-name`} className="font-semibold break-words">
            {account.label}
          </h3>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            {METHODS[account.method]} · {who}
          </p>
          <p className="mt-1 flex flex-wrap gap-2 text-xs">
            {account.primary ? <span className="rounded-full border border-slate-400 px-2 py-0.5">Signed in with</span> : null}
            {account.active ? <span className="rounded-full border border-blue-700 px-2 py-0.5 text-blue-800 dark:border-blue-300 dark:text-blue-200">New orders go here</span> : null}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {account.active ? null : (
            <Button variant="secondary" size="sm" pending={change.isPending && !renaming} onClick={() => change.mutate({ key: account.key, active: true })}>
              Use for new orders<span className="sr-only"> ({account.label})</span>
            </Button>
          )}
          <Button
            variant="secondary"
            size="sm"
            aria-expanded={renaming}
            onPointerEnter={() => void loadRename()}
            onFocus={() => void loadRename()}
            onClick={() => setRenaming((value) => !value)}
          >
            Rename<span className="sr-only"> {account.label}</span>
          </Button>
          {account.primary ? null : (
            <Button
              variant="danger"
              size="sm"
              onPointerEnter={() => void loadDialog()}
              onFocus={() => void loadDialog()}
              onClick={() => {
                setConfirmAsked(true);
                setConfirming(true);
              }}
            >
              Remove<span className="sr-only"> {account.label}</span>
            </Button>
          )}
        </div>
      </div>
      {renaming ? (
        <Suspense fallback={null}>
          <RenameAccountForm
            id={`${id}-label`}
            account={account}
            pending={change.isPending}
            error={change.isError ? (isApiError(change.error) && change.error.fields?.label) || errorText(change.error) : null}
            onSave={async (label) => {
              await change.mutateAsync({ key: account.key, label });
              setRenaming(false);
            }}
            onCancel={() => setRenaming(false)}
          />
        </Suspense>
      ) : change.isError ? (
        <Alert tone="error" className="mt-3">
          <p>{errorText(change.error)}</p>
        </Alert>
      ) : null}
      {confirmAsked ? (
        <Suspense fallback={null}>
          <RemoveAccountDialog account={account} open={confirming} onClose={() => setConfirming(false)} onRemoved={onRemoved} />
        </Suspense>
      ) : null}
    </li>
  );
}
