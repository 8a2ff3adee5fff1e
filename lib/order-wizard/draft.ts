/**
 * The order wizard's draft and its one way to the upstream body.
 *
 * The draft holds what the person typed (numbers as strings, so a half-typed "0." is not lost);
 * `buildOrderBody` turns it into the `OrderCreateBody` the route handler takes, and
 * `validateDraft` (./validate.ts) runs the SAME zod schema as the route handler over that body,
 * mapping each issue path back to the wizard field that produced it (`fieldForPath`, here).
 * Pure and browser-safe: no React, no storage.
 *
 * No zod at runtime in this module, on purpose: it is part of the wizard's first load, and zod
 * alone is about 31 kB gzip, which put /orders/new over the 200 kB budget. The contract schema
 * is loaded after the page is up (see ./validate-loader.ts); the stored draft is checked by hand.
 */
import { limits, osCatalog } from "@/lib/klikk/contract/catalog";
import type { OrderCreateBody } from "@/lib/klikk/contract/order-request";

export const stepIds = ["servers", "size", "image", "network", "cloud-init", "review"] as const;
export type StepId = (typeof stepIds)[number];

export const stepTitles: Record<StepId, string> = {
  servers: "Servers",
  size: "Size",
  image: "Image",
  network: "Network and access",
  "cloud-init": "Cloud-init",
  review: "Review",
};

export function isStepId(value: string | null | undefined): value is StepId {
  return value !== null && value !== undefined && (stepIds as readonly string[]).includes(value);
}

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
    names: ["web-1"],
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
 * keys are dropped, so only the fields above ever reach the form.
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
  const { idempotencyKey, furthest, names } = v;
  if (v.version !== 1) return null;
  if (typeof idempotencyKey !== "string" || !/^[A-Za-z0-9_-]{8,128}$/.test(idempotencyKey)) return null;
  if (typeof furthest !== "string" || !isStepId(furthest)) return null;
  if (!Array.isArray(names) || names.length < 1 || names.length > MAX_SERVERS) return null;
  if (!names.every((name): name is string => typeof name === "string")) return null;
  const draft: Record<string, unknown> = { version: 1, idempotencyKey, furthest, names: [...names] };
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

/** Grow or shrink the server list to `count`, keeping names already edited and numbering new ones. */
export function resizeNames(names: readonly string[], count: number): string[] {
  const n = Math.min(MAX_SERVERS, Math.max(1, Math.trunc(count)));
  const out = names.slice(0, n);
  const taken = new Set(out);
  for (let i = out.length; i < n; i++) {
    let k = i + 1;
    while (taken.has(`web-${k}`)) k++;
    out.push(`web-${k}`);
    taken.add(`web-${k}`);
  }
  return out;
}

export function applyPreset(draft: Draft, presetId: string): Draft {
  const preset = sizePresets.find((p) => p.id === presetId);
  if (!preset) return { ...draft, sizePreset: "custom" };
  return { ...draft, sizePreset: preset.id, ramGb: String(preset.ramGb), cpu: String(preset.cpu), storageGb: String(preset.storageGb) };
}

/** "" stays undefined (the schema then says "is required"); anything else not numeric stays NaN. */
function toNumber(value: string): number | undefined {
  const v = value.trim();
  if (v === "") return undefined;
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(v) ? Number(v) : Number.NaN;
}

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
  const firewallId = toNumber(draft.firewallId);
  const antiaffinity = draft.spread ? toNumber(draft.antiaffinity) : undefined;
  const sshd = {
    ...(keys !== "" ? { authorized_keys: keys } : {}),
    ip_allow: draft.ipAllow.trim() === "" ? "" : normaliseList(draft.ipAllow),
    ...(ports !== "" ? { public_ports_allow: ports } : {}),
  };
  const options = {
    quantity_ram_gb: toNumber(draft.ramGb),
    quantity_cpu: toNumber(draft.cpu),
    quantity_storage_gb: toNumber(draft.storageGb),
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

/** The exact JSON of the upstream request: the body with `"action": "order_create"` first. */
export function upstreamRequestJson(body: OrderCreateBody): string {
  return JSON.stringify({ action: "order_create", ...body }, null, 2);
}

export const UPSTREAM_ENDPOINT = "https://my.klikk.com/api";

/**
 * The same request as a curl command against the upstream action API, with credentials as shell
 * variables (never the real ones). A quoted here-document carries the JSON, so quotes in a
 * reference or name need no escaping.
 */
export function curlCommand(body: OrderCreateBody, method: "token" | "basic" | "digest" | undefined): string {
  const auth =
    method === "basic"
      ? `  -u "$KLIKK_USER:$KLIKK_PASSWORD" \\`
      : method === "digest"
        ? `  --digest -u "$KLIKK_USER:$KLIKK_PASSWORD" \\`
        : `  -H "X-Account-Token: $KLIKK_TOKEN" \\`;
  return [
    `curl -sS -X POST ${UPSTREAM_ENDPOINT} \\`,
    auth,
    `  -H "Content-Type: application/json" \\`,
    `  --data-binary @- <<'JSON'`,
    upstreamRequestJson(body),
    "JSON",
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------
// Fields and errors

export type FieldId =
  | "server-count"
  | `server-name-${number}`
  | "order-reference"
  | "size-preset"
  | "size-ram"
  | "size-cpu"
  | "size-storage"
  | "image-os"
  | "image-version"
  | "ipv4"
  | "firewall-id"
  | "firewall-addme"
  | "spread"
  | "antiaffinity"
  | "ip-allow"
  | "public-ports"
  | "ssh-keys"
  | "cloud-init-url"
  | "network-general"
  | "review-general";

const fieldSteps: Record<string, StepId> = {
  "server-count": "servers",
  "order-reference": "servers",
  "size-preset": "size",
  "size-ram": "size",
  "size-cpu": "size",
  "size-storage": "size",
  "image-os": "image",
  "image-version": "image",
  ipv4: "network",
  "firewall-id": "network",
  "firewall-addme": "network",
  spread: "network",
  antiaffinity: "network",
  "ip-allow": "network",
  "public-ports": "network",
  "ssh-keys": "network",
  "network-general": "network",
  "cloud-init-url": "cloud-init",
  "review-general": "review",
};

export function stepOfField(field: FieldId): StepId {
  if (field.startsWith("server-name-")) return "servers";
  return fieldSteps[field] ?? "review";
}

/** What a person calls each field, to start messages that the schema words after the path. */
const fieldLabels: Record<string, string> = {
  "server-count": "The server list",
  "order-reference": "The order reference",
  "size-ram": "RAM",
  "size-cpu": "CPU cores",
  "size-storage": "Storage",
  "image-os": "The operating system",
  "image-version": "The version",
  ipv4: "IPv4",
  "firewall-id": "The firewall group",
  "firewall-addme": "Adding the address to the group",
  antiaffinity: "The anti-affinity group",
  "ip-allow": "The SSH allow list",
  "public-ports": "Public ports",
  "ssh-keys": "SSH keys",
  "cloud-init-url": "The cloud-init URL",
};

const optionFields: Record<string, FieldId> = {
  quantity_ram_gb: "size-ram",
  quantity_cpu: "size-cpu",
  quantity_storage_gb: "size-storage",
  os: "image-os",
  os_version: "image-version",
  antiaffinity: "antiaffinity",
  firewall_id: "firewall-id",
  firewall_addme: "firewall-addme",
  "features.ipv4": "ipv4",
  "features.sshd.ip_allow": "ip-allow",
  "features.sshd.public_ports_allow": "public-ports",
  "features.sshd.authorized_keys": "ssh-keys",
  "features.sshd": "network-general",
  "features.cloud_init_url": "cloud-init-url",
  features: "network-general",
};

/**
 * The wizard field behind a contract path such as `items[2].product.options.features.sshd.ip_allow`
 * (from a zod issue or from an upstream 400's `fields`). Unknown paths land on the review step.
 */
export function fieldForPath(path: string): FieldId {
  if (path === "items") return "server-count";
  if (path === "reference") return "order-reference";
  const name = /^items\[(\d+)\]\.name$/.exec(path);
  if (name) return `server-name-${Number(name[1])}`;
  const option = /^items\[\d+\]\.product\.options(?:\.(.+))?$/.exec(path);
  if (option?.[1]) return optionFields[option[1]] ?? "review-general";
  return "review-general";
}

/** A leading contract path in an upstream message ("items[0].product.options.antiaffinity: ..."). */
export function pathInMessage(message: string): string | null {
  return /^(items\[\d+\](?:\.[A-Za-z_][A-Za-z0-9_]*)+)\b/.exec(message)?.[1] ?? null;
}

/** Turn a schema message into a sentence for a field: "must be ..." gets the field's name in front. */
export function fieldMessage(field: FieldId, message: string): string {
  const label = field.startsWith("server-name-") ? "The server name" : fieldLabels[field];
  if (label && /^(is|must|has) /.test(message)) return `${label} ${message}.`.replace(/\.\.$/, ".");
  const sentence = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?)]$/.test(sentence) ? sentence : `${sentence}.`;
}

export type DraftErrors = Partial<Record<FieldId, string>>;

/** The errors of one step, in the order the fields appear. */
export function errorsOfStep(errors: DraftErrors, step: StepId): [FieldId, string][] {
  return (Object.entries(errors) as [FieldId, string][]).filter(([field]) => stepOfField(field) === step);
}

/** Totals across all servers of the order, or null while a size is not a number. */
export function sizeTotals(draft: Draft): { servers: number; ramGb: number; cpu: number; storageGb: number } | null {
  const ram = toNumber(draft.ramGb);
  const cpu = toNumber(draft.cpu);
  const storage = toNumber(draft.storageGb);
  if (ram === undefined || cpu === undefined || storage === undefined) return null;
  if (![ram, cpu, storage].every(Number.isFinite)) return null;
  const n = draft.names.length;
  return { servers: n, ramGb: ram * n, cpu: cpu * n, storageGb: storage * n };
}

export { limits };
