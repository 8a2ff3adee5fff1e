import { describe, expect, it } from "vitest";
import { PRIVATE_KEY, publicKeyLine } from "@/tests/support/ssh-keys";
import { orderBody } from "../../../tests/support/order-body";
import { isCatalogOs, limits, osCatalog } from "./catalog.ts";
import {
  firstIssueMessage,
  formatIssuePath,
  issuesByPath,
  orderCreateBodySchema,
  orderCreateRequestSchema,
  type OrderCreateRequest,
} from "./order-request.ts";

const KEY = publicKeyLine("user@host");

function valid(): OrderCreateRequest {
  return {
    action: "order_create",
    items: [
      {
        name: "my-testserver-1",
        product: {
          name: "VPS",
          options: {
            quantity_ram_gb: 0.5,
            quantity_cpu: 9,
            quantity_storage_gb: 25,
            os: "Debian",
            os_version: "12",
            antiaffinity: 7,
            firewall_id: 12,
            firewall_addme: "1",
            features: {
              ipv4: 1,
              sshd: { authorized_keys: KEY, ip_allow: "fec0:aaa:1:2::ff,192.168.0.0/24", public_ports_allow: "80,443,12000:12010" },
              cloud_init_url: "https://example.com/cloud-init?id=3987438&key=casoiujm3uhjumh",
            },
          },
        },
      },
    ],
    reference: "Optional order reference",
  };
}

type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function messageFor(mutate: (r: Mutable) => void): string {
  const r = structuredClone(valid()) as Mutable;
  mutate(r);
  const parsed = orderCreateRequestSchema.safeParse(r);
  expect(parsed.success).toBe(false);
  return parsed.success ? "" : firstIssueMessage(parsed.error);
}

const opts = (r: Mutable) => r.items[0].product.options;

describe("orderCreateRequestSchema", () => {
  it("accepts the contract's example (with a catalog os and a hostname-safe name)", () => {
    expect(orderCreateRequestSchema.safeParse(valid()).success).toBe(true);
  });
  it("accepts the minimum: only required fields", () => {
    const r = orderCreateRequestSchema.safeParse({
      action: "order_create",
      items: [{ name: "a", product: { name: "VPS", options: { quantity_ram_gb: 256, quantity_cpu: 64, quantity_storage_gb: 4000, os: "Ubuntu", os_version: "24.04", features: { sshd: { ip_allow: "::1" } } } } }],
    });
    expect(r.success).toBe(true);
  });
  it("the body schema is the request without action", () => {
    const body: Partial<OrderCreateRequest> = valid();
    delete body.action;
    expect(orderCreateBodySchema.safeParse(body).success).toBe(true);
    expect(firstIssueMessage(orderCreateBodySchema.safeParse(valid()).error!)).toBe('has an unknown field "action": remove it or check its spelling');
  });

  it.each<[string, (r: Mutable) => void, string]>([
    ["missing ip_allow", (r) => delete opts(r).features.sshd.ip_allow, "items[0].product.options.features.sshd.ip_allow is required"],
    ["bad ip_allow", (r) => (opts(r).features.sshd.ip_allow = "10.0.0.0/33"), "items[0].product.options.features.sshd.ip_allow: entry 1:"],
    ["missing sshd", (r) => delete opts(r).features.sshd, "items[0].product.options.features.sshd is required"],
    ["missing features", (r) => delete opts(r).features, "items[0].product.options.features is required"],
    ["ram step", (r) => (opts(r).quantity_ram_gb = 0.7), "items[0].product.options.quantity_ram_gb must be between 0.5 and 256 GB in steps of 0.5"],
    ["ram too big", (r) => (opts(r).quantity_ram_gb = 256.5), "quantity_ram_gb must be between"],
    ["ram as string", (r) => (opts(r).quantity_ram_gb = "1"), "quantity_ram_gb must be a number"],
    ["cpu 0", (r) => (opts(r).quantity_cpu = 0), "items[0].product.options.quantity_cpu must be a whole number from 1 to 64"],
    ["cpu 65", (r) => (opts(r).quantity_cpu = 65), "quantity_cpu must be a whole number from 1 to 64"],
    ["cpu fraction", (r) => (opts(r).quantity_cpu = 1.5), "quantity_cpu must be a whole number"],
    ["storage 9", (r) => (opts(r).quantity_storage_gb = 9), "quantity_storage_gb must be a whole number of GB from 10 to 4000"],
    ["storage 4001", (r) => (opts(r).quantity_storage_gb = 4001), "quantity_storage_gb must be"],
    ["unknown os", (r) => (opts(r).os = "Windows"), 'items[0].product.options.os must be one of "Debian"'],
    ["numeric os (old revision)", (r) => (opts(r).os = 2), "items[0].product.options.os must be a string"],
    ["version not in catalog", (r) => (opts(r).os_version = "10.4"), 'items[0].product.options.os_version must be one of "13", "12", "11" for Debian'],
    ["missing os_version", (r) => delete opts(r).os_version, "items[0].product.options.os_version is required"],
    ["antiaffinity 0", (r) => (opts(r).antiaffinity = 0), "antiaffinity must be a positive whole number"],
    ["antiaffinity string", (r) => (opts(r).antiaffinity = "7"), "antiaffinity must be a positive whole number"],
    ["firewall_id negative", (r) => (opts(r).firewall_id = -1), "firewall_id must be a positive whole number"],
    ["firewall_addme yes", (r) => (opts(r).firewall_addme = "yes"), 'firewall_addme must be "1" or "0"'],
    ["firewall_addme without firewall_id", (r) => delete opts(r).firewall_id, "items[0].product.options.firewall_addme must come with a firewall_id"],
    ["ipv4 2", (r) => (opts(r).features.ipv4 = 2), "items[0].product.options.features.ipv4 must be 0 or 1"],
    ["bad port range", (r) => (opts(r).features.sshd.public_ports_allow = "90:80"), "public_ports_allow: \"90:80\" is a backwards range"],
    ["bad key", (r) => (opts(r).features.sshd.authorized_keys = `${KEY}\nssh-ed25519 AAAA`), "authorized_keys: line 2:"],
    ["private key", (r) => (opts(r).features.sshd.authorized_keys = PRIVATE_KEY), "PRIVATE key"],
    ["http cloud-init", (r) => (opts(r).features.cloud_init_url = "http://example.com/"), "features.cloud_init_url: the URL must start with https://"],
    ["bad name", (r) => (r.items[0].name = "My testserver 1"), "items[0].name: \"My testserver 1\" is not a valid server name"],
    ["missing name", (r) => delete r.items[0].name, "items[0].name is required"],
    ["product name", (r) => (r.items[0].product.name = "Dedicated"), 'items[0].product.name must be "VPS"'],
    ["no items", (r) => (r.items = []), "items must hold at least 1 server"],
    ["too many items", (r) => (r.items = Array.from({ length: 21 }, () => r.items[0])), "items must hold at most 20 servers"],
    ["items not a list", (r) => (r.items = {}), "items must be a list of servers"],
    ["reference too long", (r) => (r.reference = "x".repeat(256)), "reference must be at most 255 characters"],
    ["reference number", (r) => (r.reference = 5), "reference must be a string"],
    ["unknown key", (r) => (opts(r).antiafinity = 3), 'items[0].product.options has an unknown field "antiafinity"'],
    ["wrong action", (r) => (r.action = "order_list"), 'action must be "order_create"'],
  ])("%s", (_name, mutate, expected) => {
    expect(messageFor(mutate)).toContain(expected);
  });

  it("reports the field of the second item", () => {
    expect(
      messageFor((r) => {
        r.items.push(structuredClone(r.items[0]));
        r.items[1].product.options.quantity_cpu = 100;
      }),
    ).toMatch(/^items\[1\]\.product\.options\.quantity_cpu /);
  });

  it("a non-object body", () => {
    for (const v of [[], null, "x", 1]) {
      const r = orderCreateRequestSchema.safeParse(v);
      expect(r.success ? "" : firstIssueMessage(r.error)).toBe("the request body must be a JSON object");
    }
  });

  it("collects every problem for forms", () => {
    const r = orderCreateRequestSchema.safeParse({
      action: "order_create",
      items: [{ name: "-x", product: { name: "VPS", options: { quantity_ram_gb: 1, quantity_cpu: 1, quantity_storage_gb: 5, os: "Debian", os_version: "9", features: { sshd: {} } } } }],
    });
    expect(r.success).toBe(false);
    const byPath = issuesByPath(r.error!);
    expect(Object.keys(byPath).sort()).toEqual([
      "items[0].name",
      "items[0].product.options.features.sshd.ip_allow",
      "items[0].product.options.os_version",
      "items[0].product.options.quantity_storage_gb",
    ]);
  });
});

describe("formatIssuePath", () => {
  it("formats paths like the contract", () => {
    expect(formatIssuePath(["items", 0, "product", "options", "features", "sshd", "ip_allow"])).toBe("items[0].product.options.features.sshd.ip_allow");
    expect(formatIssuePath([])).toBe("");
    expect(formatIssuePath(["a-b"])).toBe('["a-b"]');
  });
});

describe("catalog", () => {
  it("holds the offered images and consistent limits", () => {
    expect(osCatalog.length).toBeGreaterThanOrEqual(5);
    expect(isCatalogOs("Debian", "12")).toBe(true);
    expect(isCatalogOs("Debian", "10")).toBe(false);
    expect(isCatalogOs("debian", "12")).toBe(false);
    expect(limits.items).toEqual({ min: 1, max: 20 });
  });
});

describe("text fields with CR/LF and unicode", () => {
  const base = () => orderBody("web-1", { reference: "Ünïcode réf 🚀", cloudInitUrl: "https://example.com/ci.yaml" });

  it("accepts unicode in the reference", () => {
    expect(orderCreateBodySchema.safeParse(base()).success).toBe(true);
  });

  it.each([
    ["reference", (body: ReturnType<typeof base>) => void (body.reference = "line1\r\nline2"), "reference"],
    ["name", (body: ReturnType<typeof base>) => void (body.items[0]!.name = "web\r\n1"), "items[0].name"],
    ["cloud_init_url", (body: ReturnType<typeof base>) => void (body.items[0]!.product.options.features.cloud_init_url = "https://example.com/\r\nHost: evil"), "items[0].product.options.features.cloud_init_url"],
    ["ip_allow", (body: ReturnType<typeof base>) => void (body.items[0]!.product.options.features.sshd.ip_allow = "192.0.2.1\r\n"), "items[0].product.options.features.sshd.ip_allow"],
  ])("refuses CR/LF in %s, naming the field", (_label, mutate, path) => {
    const body = base();
    mutate(body);
    const result = orderCreateBodySchema.safeParse(body);
    expect(result.success).toBe(false);
    if (!result.success) expect(Object.keys(issuesByPath(result.error))).toContain(path);
  });
});
