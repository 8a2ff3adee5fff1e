/**
 * The wizard's steps and its fields: which field lives on which step, and what a person calls it.
 *
 * Four steps (issue 17): the old Size, Image-only and Cloud-init-only steps held one or two
 * fields each, so size joined the servers and cloud-init joined network and access. Addresses
 * of the old six steps (`?step=size`, `?step=cloud-init`) still open the step that holds them
 * now, so a bookmark or a stored draft from before keeps working.
 */

export const stepIds = ["servers", "image", "network", "review"] as const;
export type StepId = (typeof stepIds)[number];

export const stepTitles: Record<StepId, string> = {
  servers: "Servers and size",
  image: "Image",
  network: "Network and access",
  review: "Review",
};

export const stepHints: Record<StepId, string> = {
  servers: "How many servers, their names, and the size of each.",
  image: "The operating system installed on every server.",
  network: "Who may reach the servers, where they run, and optional first-boot configuration.",
  review: "Check the summary, then place the order.",
};

/** Steps of the six-step wizard, and where their fields are now. */
const formerSteps: Record<string, StepId> = { size: "servers", "cloud-init": "network" };

export function isStepId(value: string | null | undefined): value is StepId {
  return value !== null && value !== undefined && (stepIds as readonly string[]).includes(value);
}

/** The step a `?step=` value (or a stored draft's furthest step) means, or null. */
export function stepFromParam(value: string | null | undefined): StepId | null {
  if (isStepId(value)) return value;
  return (value && formerSteps[value]) || null;
}

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
  "size-preset": "servers",
  "size-ram": "servers",
  "size-cpu": "servers",
  "size-storage": "servers",
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
  "cloud-init-url": "network",
  "review-general": "review",
};

export function stepOfField(field: FieldId): StepId {
  if (field.startsWith("server-name-")) return "servers";
  return fieldSteps[field] ?? "review";
}

/** What a person calls each field, to start messages that the schema words after the path. */
export const fieldLabels: Record<string, string> = {
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
