/**
 * The draft's one way to the upstream body: `buildOrderBody` turns what the person typed into
 * the `OrderCreateBody` the route handler takes. The wizard's check (./validate.ts) runs the
 * route handler's own schema over exactly this body, so the two never disagree.
 */
import type { OrderCreateBody } from "@/lib/klikk/contract/order-request";
import { draftNumber, type Draft } from "./draft";

/** Normalise a pasted key list: one key per line, surrounding blank lines dropped. */
export function normaliseKeys(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join("\n");
}

/** Normalise a comma-separated list: spaces around entries removed (the upstream wants plain commas). */
export function normaliseList(text: string): string {
  return text
    .split(",")
    .map((entry) => entry.trim())
    .join(",");
}

/**
 * The body sent to `POST /api/orders`: every server gets the same options and its own name.
 * Optional fields are left out rather than sent empty, so the body is exactly what the contract shows.
 */
export function buildOrderBody(draft: Draft): OrderCreateBody {
  const keys = normaliseKeys(draft.sshKeys);
  const ports = draft.publicPorts.trim() === "" ? "" : normaliseList(draft.publicPorts);
  const cloudInit = draft.cloudInitUrl.trim();
  const firewallId = draftNumber(draft.firewallId);
  const antiaffinity = draft.spread ? draftNumber(draft.antiaffinity) : undefined;
  const sshd = {
    ...(keys !== "" ? { authorized_keys: keys } : {}),
    ip_allow: draft.ipAllow.trim() === "" ? "" : normaliseList(draft.ipAllow),
    ...(ports !== "" ? { public_ports_allow: ports } : {}),
  };
  const options = {
    quantity_ram_gb: draftNumber(draft.ramGb),
    quantity_cpu: draftNumber(draft.cpu),
    quantity_storage_gb: draftNumber(draft.storageGb),
    os: draft.os,
    os_version: draft.osVersion,
    ...(antiaffinity !== undefined ? { antiaffinity } : {}),
    ...(firewallId !== undefined ? { firewall_id: firewallId } : {}),
    ...(draft.firewallAddme ? { firewall_addme: "1" as const } : {}),
    features: {
      ipv4: draft.ipv4 ? (1 as const) : (0 as const),
      sshd,
      ...(cloudInit !== "" ? { cloud_init_url: cloudInit } : {}),
    },
  };
  const reference = draft.reference.trim();
  // Numbers may be undefined/NaN here on purpose: the schema, not this function, reports them.
  return {
    items: draft.names.map((name) => ({ name: name.trim(), product: { name: "VPS" as const, options } })),
    ...(reference !== "" ? { reference } : {}),
  } as OrderCreateBody;
}
