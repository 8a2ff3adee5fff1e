"use client";

import type { MouseEvent, ReactNode } from "react";
import { osCatalog } from "@/lib/klikk/contract/catalog";
import type { OrderCreateBody } from "@/lib/klikk/contract/order-request";
import { curlCommand, normaliseKeys, sizePresets, sizeTotals, stepTitles, upstreamRequestJson, type Draft, type StepId } from "@/lib/order-wizard/draft";
import { useSessionQuery } from "@/lib/queries/session";
import { CopyBlock } from "./copy-block";

function Group({ step, onEdit, children }: { step: StepId; onEdit: (step: StepId) => void; children: ReactNode }) {
  const title = stepTitles[step];
  return (
    <section aria-labelledby={`review-${step}`} className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <div className="flex items-baseline justify-between gap-2">
        <h3 id={`review-${step}`} className="font-semibold">
          {title}
        </h3>
        <a
          href={`?step=${step}`}
          className="rounded text-sm font-medium text-blue-700 underline underline-offset-2 hover:text-blue-900 dark:text-blue-300 dark:hover:text-blue-200"
          onClick={(event: MouseEvent<HTMLAnchorElement>) => {
            if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
            event.preventDefault();
            onEdit(step);
          }}
        >
          Edit<span className="sr-only"> {title.toLowerCase()}</span>
        </a>
      </div>
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">{children}</dl>
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

export function StepReview({ draft, body, onEdit }: { draft: Draft; body: OrderCreateBody; onEdit: (step: StepId) => void }) {
  const session = useSessionQuery();
  const totals = sizeTotals(draft);
  const preset = sizePresets.find((p) => p.id === draft.sizePreset);
  const os = osCatalog.find((e) => e.os === draft.os);
  const keys = normaliseKeys(draft.sshKeys).split("\n").filter((l) => l !== "" && !l.startsWith("#"));
  const n = draft.names.length;

  return (
    <div className="space-y-4">
      <Group step="servers" onEdit={onEdit}>
        <Row label="Servers">
          {n}: {draft.names.map((name) => name.trim()).join(", ")}
        </Row>
        <Row label="Reference">{draft.reference.trim() || none}</Row>
      </Group>
      <Group step="size" onEdit={onEdit}>
        <Row label="Each server">
          {preset ? `${preset.label}: ` : "Custom: "}
          {draft.ramGb} GB RAM, {draft.cpu} CPU cores, {draft.storageGb} GB storage
        </Row>
        {totals ? (
          <Row label={`Total for ${n} ${n === 1 ? "server" : "servers"}`}>
            {totals.ramGb} GB RAM, {totals.cpu} CPU cores, {totals.storageGb} GB storage
          </Row>
        ) : null}
      </Group>
      <Group step="image" onEdit={onEdit}>
        <Row label="Operating system">
          {os?.label ?? draft.os} {draft.osVersion}
        </Row>
      </Group>
      <Group step="network" onEdit={onEdit}>
        <Row label="SSH allowed from">{draft.ipAllow.trim() || none}</Row>
        <Row label="Public ports">{draft.publicPorts.trim() || none}</Row>
        <Row label="SSH keys">{keys.length === 0 ? none : `${keys.length} ${keys.length === 1 ? "key" : "keys"}${draft.rememberKeys ? " (remembered in this browser)" : ""}`}</Row>
        <Row label="IPv4">{draft.ipv4 ? "Yes" : "No, IPv6 only"}</Row>
        <Row label="Firewall group">
          {draft.firewallId.trim() ? `${draft.firewallId.trim()}${draft.firewallAddme ? ", with this server's address added" : ""}` : none}
        </Row>
        <Row label="Spread across hosts">{draft.spread ? `Yes, anti-affinity group ${draft.antiaffinity.trim()}` : "No"}</Row>
      </Group>
      <Group step="cloud-init" onEdit={onEdit}>
        <Row label="Cloud-init URL">{draft.cloudInitUrl.trim() || none}</Row>
      </Group>

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
  );
}
