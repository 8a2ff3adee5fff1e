/**
 * The order_create request: one zod schema from the wizard's form through the dashboard's route
 * handler to the upstream (and the simulator, which refuses what this schema refuses).
 *
 * Messages follow one convention so that `firstIssueMessage` can build the contract's 400 text:
 * schema-level messages start with "is"/"must" and read after the field path
 * ("items[0].name is required"); messages from ./validators.ts are full sentences and follow a
 * colon ("...sshd.ip_allow: entry 2: "10.0.0.300" is not an IP address...").
 *
 * Unknown keys are REFUSED (strict objects), not stripped: a misspelt optional field such as
 * `antiafinity` would otherwise vanish silently and the customer would get servers on one host.
 * A 400 naming the key is the safer answer for an order that costs money. Answers from the
 * upstream are read tolerantly elsewhere; this is only the request.
 *
 * Browser-safe: zod and ./validators.ts only.
 */
import { z } from "zod";
import { isCatalogOs, findCatalogOs, limits, osCatalog } from "./catalog.ts";
import {
  checkAuthorizedKeys,
  checkHostname,
  checkHttpsUrl,
  unsafeTextProblem,
  checkIpAllowList,
  checkPortList,
  type CheckResult,
} from "./validators.ts";

/** A type message that says "is required" when the key is missing. */
function typeError(expected: string): (iss: { input?: unknown }) => string {
  return (iss) => (iss.input === undefined ? "is required" : `must be ${expected}`);
}

function strict<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code === "unrecognized_keys") {
        const keys = iss.keys.map((k) => JSON.stringify(k)).join(", ");
        return iss.keys.length === 1
          ? `has an unknown field ${keys}: remove it or check its spelling`
          : `has unknown fields ${keys}: remove them or check their spelling`;
      }
      return iss.input === undefined ? "is required" : "must be an object";
    },
  });
}

/** A string checked by one of the validators; the validator's message becomes the issue. */
function checkedString(check: (s: string) => CheckResult) {
  return z.string({ error: typeError("a string") }).check((ctx) => {
    const r = check(ctx.value);
    if (!r.ok) ctx.issues.push({ code: "custom", message: r.message, input: ctx.value });
  });
}

const ramRange = `between ${limits.ramGb.min} and ${limits.ramGb.max} GB in steps of ${limits.ramGb.step}`;

const sshdSchema = strict({
  authorized_keys: checkedString(checkAuthorizedKeys).optional(),
  ip_allow: checkedString(checkIpAllowList),
  public_ports_allow: checkedString(checkPortList).optional(),
});

const featuresSchema = strict({
  ipv4: z.union([z.literal(0), z.literal(1)], { error: typeError("0 or 1") }).optional(),
  sshd: sshdSchema,
  cloud_init_url: checkedString(checkHttpsUrl).optional(),
});

const optionsSchema = strict({
  quantity_ram_gb: z
    .number({ error: typeError(`a number ${ramRange}`) })
    .check((ctx) => {
      const v = ctx.value;
      if (v < limits.ramGb.min || v > limits.ramGb.max || !Number.isInteger(v / limits.ramGb.step)) {
        ctx.issues.push({ code: "custom", message: `must be ${ramRange} (got ${v})`, input: v });
      }
    }),
  quantity_cpu: z
    .number({ error: typeError(`a whole number from ${limits.cpu.min} to ${limits.cpu.max}`) })
    .check((ctx) => {
      const v = ctx.value;
      if (!Number.isInteger(v) || v < limits.cpu.min || v > limits.cpu.max) {
        ctx.issues.push({ code: "custom", message: `must be a whole number from ${limits.cpu.min} to ${limits.cpu.max} (got ${v})`, input: v });
      }
    }),
  quantity_storage_gb: z
    .number({ error: typeError(`a whole number of GB from ${limits.storageGb.min} to ${limits.storageGb.max}`) })
    .check((ctx) => {
      const v = ctx.value;
      if (!Number.isInteger(v) || v < limits.storageGb.min || v > limits.storageGb.max) {
        ctx.issues.push({
          code: "custom",
          message: `must be a whole number of GB from ${limits.storageGb.min} to ${limits.storageGb.max} (got ${v})`,
          input: v,
        });
      }
    }),
  os: z.string({ error: typeError(`a string such as "${osCatalog[0]?.os ?? "Debian"}"`) }).check((ctx) => {
    if (!findCatalogOs(ctx.value)) {
      ctx.issues.push({
        code: "custom",
        message: `must be one of ${osCatalog.map((e) => JSON.stringify(e.os)).join(", ")} (got ${JSON.stringify(ctx.value)})`,
        input: ctx.value,
      });
    }
  }),
  os_version: z.string({ error: typeError('a string such as "12"') }),
  antiaffinity: z
    .number({ error: typeError("a positive whole number") })
    .check((ctx) => {
      if (!Number.isSafeInteger(ctx.value) || ctx.value < 1) {
        ctx.issues.push({ code: "custom", message: "must be a positive whole number", input: ctx.value });
      }
    })
    .optional(),
  firewall_id: z
    .number({ error: typeError("a positive whole number (a firewall group id)") })
    .check((ctx) => {
      if (!Number.isSafeInteger(ctx.value) || ctx.value < 1) {
        ctx.issues.push({ code: "custom", message: "must be a positive whole number (a firewall group id)", input: ctx.value });
      }
    })
    .optional(),
  firewall_addme: z.enum(["1", "0"], { error: typeError('"1" or "0"') }).optional(),
  features: featuresSchema,
}).superRefine(
  (value, ctx) => {
    // Cross-field rules (the os/os_version pair, firewall_addme needing firewall_id) live here.
    // `when` lets it run even when other fields failed, so the wizard sees every problem at once.
    const v = value as { os?: unknown; os_version?: unknown; firewall_id?: unknown; firewall_addme?: unknown };
    if (v.firewall_addme === "1" && v.firewall_id === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["firewall_addme"],
        message: 'must come with a firewall_id: choose a firewall group, or set firewall_addme to "0"',
        input: v.firewall_addme,
      });
    }
    if (typeof v.os !== "string" || typeof v.os_version !== "string") return;
    const entry = findCatalogOs(v.os);
    if (entry && !isCatalogOs(v.os, v.os_version)) {
      ctx.addIssue({
        code: "custom",
        path: ["os_version"],
        message: `must be one of ${entry.versions.map((x) => JSON.stringify(x)).join(", ")} for ${entry.os} (got ${JSON.stringify(v.os_version)})`,
        input: v.os_version,
      });
    }
  },
  { when: (payload) => typeof payload.value === "object" && payload.value !== null },
);

const productSchema = strict({
  name: z.literal("VPS", { error: typeError('"VPS"') }),
  options: optionsSchema,
});

export const orderItemSchema = strict({
  name: checkedString(checkHostname),
  product: productSchema,
});

const itemsSchema = z
  .array(orderItemSchema, { error: typeError("a list of servers") })
  .min(limits.items.min, { error: `must hold at least ${limits.items.min} server` })
  .max(limits.items.max, { error: `must hold at most ${limits.items.max} servers in one order` });

const referenceSchema = z
  .string({ error: typeError("a string") })
  .max(limits.referenceMaxLength, { error: `must be at most ${limits.referenceMaxLength} characters` })
  // One line of plain text: line breaks, control characters, bidi overrides and invisible
  // characters would garble or disguise invoices and CSV exports.
  .check((ctx) => {
    const problem = unsafeTextProblem(ctx.value);
    if (problem) ctx.issues.push({ code: "custom", message: `must be one line of plain text; it contains ${problem}`, input: ctx.value });
  })
  .optional();

/** What the dashboard's `POST /api/orders` accepts: the order without `action`. */
export const orderCreateBodySchema = strict({
  items: itemsSchema,
  reference: referenceSchema,
});

/** The upstream request: the body plus `action: "order_create"`. */
export const orderCreateRequestSchema = strict({
  action: z.literal("order_create", { error: typeError('"order_create"') }),
  items: itemsSchema,
  reference: referenceSchema,
});

export type OrderItem = z.infer<typeof orderItemSchema>;
export type OrderCreateBody = z.infer<typeof orderCreateBodySchema>;
export type OrderCreateRequest = z.infer<typeof orderCreateRequestSchema>;

/** `["items", 0, "product", "name"]` -> `items[0].product.name`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else {
      const s = String(seg);
      const plain = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s);
      out += plain ? (out === "" ? s : `.${s}`) : `[${JSON.stringify(s)}]`;
    }
  }
  return out;
}

/** Join a path and a message following the convention in this module's header. */
export function issueMessage(issue: { path: readonly PropertyKey[]; message: string }): string {
  const path = formatIssuePath(issue.path);
  if (path === "") return issue.message === "must be an object" ? "the request body must be a JSON object" : issue.message;
  return /^(is|must|has) /.test(issue.message) ? `${path} ${issue.message}` : `${path}: ${issue.message}`;
}

/**
 * The contract's 400 message for the first issue of a failed parse, e.g.
 * `items[0].product.options.features.sshd.ip_allow is required`.
 */
export function firstIssueMessage(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const first = error.issues[0];
  return first ? issueMessage(first) : "invalid request";
}

/**
 * All issues keyed by their formatted path (first message per path), for forms that show each
 * error on its field.
 */
export function issuesByPath(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = formatIssuePath(issue.path);
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
