"use client";

import type { ReactNode } from "react";
import { osCatalog } from "@/lib/klikk/contract/catalog";
import type { OrderCreateBody } from "@/lib/klikk/contract/order-request";
import { normaliseKeys } from "@/lib/order-wizard/body";
import { sizePresets, sizeTotals, type Draft } from "@/lib/order-wizard/draft";
import { curlCommand, upstreamRequestJson } from "@/lib/order-wizard/preview";
import { stepTitles, type StepId } from "@/lib/order-wizard/steps";
import type { PriceList } from "@/lib/pricing";
import { useAccountLabels } from "@/components/accounts/session-accounts";
import { useSessionQuery } from "@/lib/queries/session";
import { CopyBlock } from "./copy-block";
import { OrderEstimate } from "./price";
import { inPageClick } from "./step-nav";

function Group({ step, onEdit, children }: { step: StepId; onEdit: (step: StepId) => void; children: ReactNode }) {
  const title = stepTitles[step];
  return (
    <section aria-labelledby={`review-${step}`} className="py-2">
      <div className="flex items-baseline justify-between gap-2">
        <h3 id={`review-${step}`} className="text-sm font-semibold">
          {title}
        </h3>
        <a
          href={`?step=${step}`}
          className="rounded text-sm font-medium text-blue-700 underline underline-offset-2 hover:text-blue-900 dark:text-blue-300 dark:hover:text-blue-200"
          onClick={(event) => inPageClick(event, () => onEdit(step))}
        >
          Edit<span className="sr-only"> {title.toLowerCase()}</span>
        </a>
      </div>
      <dl className="mt-1 grid gap-x-4 text-sm sm:grid-cols-[10rem_1fr]">{children}</dl>
    </section>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-700 dark:text-slate-300">{label}</dt>
      <dd className="mb-1 min-w-0 font-medium break-words sm:mb-0">{children}</dd>
    </>
  );
}

const none = <span className="font-normal text-slate-700 dark:text-slate-300">None</span>;

/**
 * The review: a compact summary a person can check at a glance, the estimated total, and the
 * exact API request for those who want it, folded away so "Place order" stays in view.
 */
export function StepReview({ draft, body, prices, onEdit }: { draft: Draft; body: OrderCreateBody; prices: PriceList | null; onEdit: (step: StepId) => void }) {
  const session = useSessionQuery();
  const { accounts, several } = useAccountLabels();
  const orderAccount = accounts.find((account) => account.active);
  const totals = sizeTotals(draft);
  const preset = sizePresets.find((p) => p.id === draft.sizePreset);
  const os = osCatalog.find((e) => e.os === draft.os);
  const keys = normaliseKeys(draft.sshKeys)
    .split("\n")
    .filter((l) => l !== "" && !l.startsWith("#"));
  const n = draft.names.length;
  const access = [
    `SSH from ${draft.ipAllow.trim() || "nowhere yet"}`,
    keys.length === 0 ? "no SSH keys" : `${keys.length} SSH ${keys.length === 1 ? "key" : "keys"}`,
    draft.publicPorts.trim() ? `public ports ${draft.publicPorts.trim()}` : "no public ports",
  ].join("; ");

  return (
    <div className="space-y-3">
      {several && orderAccount ? (
        <p className="rounded-md border border-blue-300 bg-blue-50 p-3 text-sm dark:border-blue-700 dark:bg-blue-950" data-testid="order-account">
          This order goes to the account <strong>{orderAccount.label}</strong>. To order for another account, choose it in the header&apos;s account menu.
        </p>
      ) : null}
      <OrderEstimate draft={draft} prices={prices} className="rounded-md bg-slate-100 p-3 dark:bg-slate-800" />
      <div className="divide-y divide-slate-200 rounded-md border border-slate-200 px-3 dark:divide-slate-700 dark:border-slate-700">
        <Group step="servers" onEdit={onEdit}>
          <Row label={n === 1 ? "Server" : `${n} servers`}>{draft.names.map((name) => name.trim()).join(", ")}</Row>
          <Row label="Each server">
            {preset ? `${preset.label}: ` : "Custom: "}
            {draft.ramGb} GB RAM, {draft.cpu} CPU cores, {draft.storageGb} GB storage
          </Row>
          {totals && n > 1 ? (
            <Row label="Together">
              {totals.ramGb} GB RAM, {totals.cpu} CPU cores, {totals.storageGb} GB storage
            </Row>
          ) : null}
          <Row label="Reference">{draft.reference.trim() || none}</Row>
        </Group>
        <Group step="image" onEdit={onEdit}>
          <Row label="Operating system">
            {os?.label ?? draft.os} {draft.osVersion}
          </Row>
        </Group>
        <Group step="network" onEdit={onEdit}>
          <Row label="Access">{access}</Row>
          <Row label="Addresses">{draft.ipv4 ? "IPv6 and a public IPv4 address" : "IPv6 only"}</Row>
          <Row label="Firewall group">
            {draft.firewallId.trim() ? `${draft.firewallId.trim()}${draft.firewallAddme ? ", with this server's address added" : ""}` : none}
          </Row>
          {draft.spread ? <Row label="Spread across hosts">{`Anti-affinity group ${draft.antiaffinity.trim()}`}</Row> : null}
          <Row label="Cloud-init URL">{draft.cloudInitUrl.trim() || none}</Row>
        </Group>
      </div>

      <details className="group rounded-md border border-slate-200 dark:border-slate-700">
        <summary className="cursor-pointer rounded-md px-3 py-2 text-sm font-medium text-blue-800 dark:text-blue-300">Show API request</summary>
        <div className="space-y-4 border-t border-slate-200 p-3 dark:border-slate-700">
          <CopyBlock
            id="review-json"
            title="JSON request"
            description="Exactly what the dashboard sends to the klikk action API for this order."
            text={upstreamRequestJson(body)}
          />
          <CopyBlock
            id="review-curl"
            title="curl command"
            description="The same order placed directly against the action API; set the credential variables in your shell first."
            text={curlCommand(body, session.data?.method)}
          />
        </div>
      </details>
    </div>
  );
}
