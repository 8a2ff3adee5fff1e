/**
 * Contract paths to wizard fields, and messages worded for a field. One mapping serves the
 * wizard's own checks (zod issue paths) and the server's answers (the paths in `fields` of a 400
 * or 409), so an upstream error lands on the same field as the wizard's own would.
 */
import { fieldLabels, stepOfField, type FieldId, type StepId } from "./steps";

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
 * (from a zod issue or from the server's `fields`). Unknown paths land on the review step.
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

/** Turn a schema message into a sentence for a field: "must be ..." gets the field's name in front. */
export function fieldMessage(field: FieldId, message: string): string {
  const label = field.startsWith("server-name-") ? "The server name" : fieldLabels[field];
  if (label && /^(is|must|has) /.test(message)) return `${label} ${message}.`.replace(/\.\.$/, ".");
  const sentence = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?)]$/.test(sentence) ? sentence : `${sentence}.`;
}

export type DraftErrors = Partial<Record<FieldId, string>>;

/** The errors of one step. */
export function errorsOfStep(errors: DraftErrors, step: StepId): [FieldId, string][] {
  return (Object.entries(errors) as [FieldId, string][]).filter(([field]) => stepOfField(field) === step);
}
