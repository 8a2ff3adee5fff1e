/**
 * The order wizard's draft: what the person typed (numbers as strings, so a half-typed "0." is
 * not lost), how a fresh one looks, and how a stored one is read back. Pure and browser-safe: no
 * React, no storage. The body sent upstream is built from it in ./body.ts.
 *
 * No zod at runtime in this module, on purpose: it is part of the wizard's first load, and zod
 * alone is about 31 kB gzip, which put /orders/new over the 200 kB budget. The contract schema
 * is loaded after the page is up (see ./validate-loader.ts); the stored draft is checked by hand.
 */
import { limits, osCatalog } from "@/lib/klikk/contract/catalog";
import { defaultNames } from "./names";
import { stepFromParam, type StepId } from "./steps";

/** The wizard offers up to 10 servers per order (the contract allows more; 10 keeps the form usable). */
export const MAX_SERVERS = 10;

export type SizePreset = { id: string; label: string; ramGb: number; cpu: number; storageGb: number };

export const sizePresets: readonly SizePreset[] = [
  { id: "small", label: "Small", ramGb: 1, cpu: 1, storageGb: 25 },
  { id: "medium", label: "Medium", ramGb: 4, cpu: 2, storageGb: 80 },
  { id: "large", label: "Large", ramGb: 16, cpu: 4, storageGb: 200 },
  { id: "xlarge", label: "Extra large", ramGb: 64, cpu: 16, storageGb: 800 },
];

/** The draft's text fields (what the person typed, numbers included) and its tick boxes. */
const draftTexts = [
  "reference",
  "sizePreset",
  "ramGb",
  "cpu",
  "storageGb",
  "os",
  "osVersion",
  "firewallId",
  "antiaffinity",
  "ipAllow",
  "publicPorts",
  "sshKeys",
  "cloudInitUrl",
] as const;
const draftFlags = ["ipv4", "firewallAddme", "spread", "rememberKeys"] as const;

export type Draft = {
  version: 1;
  /** Sent as the Idempotency-Key header; kept with the draft so a retry never orders twice. */
  idempotencyKey: string;
  /** The furthest step reached, so the step list only links to steps already seen. */
  furthest: StepId;
  names: string[];
  /**
   * True once the person typed a name. Until then the names are the wizard's suggestions, which
   * move aside when the account's servers turn out to use them already (see ./names.ts).
   */
  namesChosen: boolean;
} & Record<(typeof draftTexts)[number], string> &
  Record<(typeof draftFlags)[number], boolean>;

/** A fresh draft; the caller supplies the Idempotency-Key (crypto.randomUUID in the browser). */
export function newDraft(idempotencyKey: string): Draft {
  const preset = sizePresets[1] as SizePreset;
  const os = osCatalog[0];
  return {
    version: 1,
    idempotencyKey,
    furthest: "servers",
    names: defaultNames(1, []),
    namesChosen: false,
    reference: "",
    sizePreset: preset.id,
    ramGb: String(preset.ramGb),
    cpu: String(preset.cpu),
    storageGb: String(preset.storageGb),
    os: os?.os ?? "",
    osVersion: os?.versions[0] ?? "",
    ipv4: true,
    firewallId: "",
    firewallAddme: false,
    spread: false,
    antiaffinity: "",
    ipAllow: "",
    publicPorts: "",
    sshKeys: "",
    rememberKeys: false,
    cloudInitUrl: "",
  };
}

/**
 * A stored draft, or null when it is missing, from another version or tampered with. Unknown
 * keys are dropped, so only the fields above ever reach the form. A draft stored by the
 * six-step wizard is still read: its furthest step maps to the step that holds it now, and its
 * names count as chosen (nobody is left to ask).
 */
export function parseStoredDraft(raw: string | null): Draft | null {
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const { idempotencyKey, names, namesChosen } = v;
  if (v.version !== 1) return null;
  if (typeof idempotencyKey !== "string" || !/^[A-Za-z0-9_-]{8,128}$/.test(idempotencyKey)) return null;
  const furthest = typeof v.furthest === "string" ? stepFromParam(v.furthest) : null;
  if (!furthest) return null;
  if (!Array.isArray(names) || names.length < 1 || names.length > MAX_SERVERS) return null;
  if (!names.every((name): name is string => typeof name === "string")) return null;
  if (namesChosen !== undefined && typeof namesChosen !== "boolean") return null;
  const draft: Record<string, unknown> = { version: 1, idempotencyKey, furthest, names: [...names], namesChosen: namesChosen ?? true };
  for (const key of draftTexts) {
    if (typeof v[key] !== "string") return null;
    draft[key] = v[key];
  }
  for (const key of draftFlags) {
    if (typeof v[key] !== "boolean") return null;
    draft[key] = v[key];
  }
  return draft as Draft;
}

export function applyPreset(draft: Draft, presetId: string): Draft {
  const preset = sizePresets.find((p) => p.id === presetId);
  if (!preset) return { ...draft, sizePreset: "custom" };
  return { ...draft, sizePreset: preset.id, ramGb: String(preset.ramGb), cpu: String(preset.cpu), storageGb: String(preset.storageGb) };
}

/** "" stays undefined (the schema then says "is required"); anything else not numeric stays NaN. */
export function draftNumber(value: string): number | undefined {
  const v = value.trim();
  if (v === "") return undefined;
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(v) ? Number(v) : Number.NaN;
}

export type ServerSize = { ramGb: number; cpu: number; storageGb: number; ipv4: boolean };

/** The size of each server, or null while one of its values is not a number. */
export function serverSize(draft: Draft): ServerSize | null {
  const ramGb = draftNumber(draft.ramGb);
  const cpu = draftNumber(draft.cpu);
  const storageGb = draftNumber(draft.storageGb);
  if (ramGb === undefined || cpu === undefined || storageGb === undefined) return null;
  if (![ramGb, cpu, storageGb].every(Number.isFinite)) return null;
  return { ramGb, cpu, storageGb, ipv4: draft.ipv4 };
}

/** Totals across all servers of the order, or null while a size is not a number. */
export function sizeTotals(draft: Draft): { servers: number; ramGb: number; cpu: number; storageGb: number } | null {
  const size = serverSize(draft);
  if (!size) return null;
  const n = draft.names.length;
  return { servers: n, ramGb: size.ramGb * n, cpu: size.cpu * n, storageGb: size.storageGb * n };
}

export { limits };
