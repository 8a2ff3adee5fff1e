import { describe, expect, it } from "vitest";
import { PRIVATE_KEY, publicKeyLine } from "@/tests/support/ssh-keys";
import { orderCreateBodySchema, orderCreateRequestSchema } from "@/lib/klikk/contract/order-request";
import { PRIVATE_KEY_MESSAGE } from "@/lib/klikk/contract/validators";
import { buildOrderBody } from "./body";
import { applyPreset, newDraft, parseStoredDraft, sizeTotals, type Draft } from "./draft";
import { errorsOfStep, fieldForPath } from "./fields";
import { defaultNames, namesInUse, resizeNames } from "./names";
import { curlCommand, upstreamRequestJson } from "./preview";
import { stepFromParam, stepOfField } from "./steps";
import { validateDraft } from "./validate";
import { createdNotice, createdOrderHref, PAYMENT_REQUIRED_NOTICE } from "./handoff";

const KEY = publicKeyLine("user@host");

function ready(overrides: Partial<Draft> = {}): Draft {
  return { ...newDraft("key-12345678"), ipAllow: "192.0.2.10", ...overrides };
}

describe("buildOrderBody", () => {
  it("builds one item per server with the same options and passes the route handler's schema", () => {
    const draft = ready({
      names: resizeNames(["web-1"], 3),
      reference: "  Web cluster ",
      spread: true,
      antiaffinity: "42",
      firewallId: "12",
      firewallAddme: true,
      ipAllow: "192.0.2.10, 2001:db8::/32",
      publicPorts: "80, 443,12000:12010",
      sshKeys: `\n${KEY}\n\n`,
      cloudInitUrl: "https://example.com/ci.yaml",
    });
    const body = buildOrderBody(draft);
    expect(orderCreateBodySchema.safeParse(body).success).toBe(true);
    expect(body.reference).toBe("Web cluster");
    expect(body.items.map((i) => i.name)).toEqual(["web-1", "web-2", "web-3"]);
    for (const item of body.items) {
      expect(item.product).toEqual({
        name: "VPS",
        options: {
          quantity_ram_gb: 4,
          quantity_cpu: 2,
          quantity_storage_gb: 80,
          os: "Debian",
          os_version: "13",
          antiaffinity: 42,
          firewall_id: 12,
          firewall_addme: "1",
          features: {
            ipv4: 1,
            sshd: { authorized_keys: KEY, ip_allow: "192.0.2.10,2001:db8::/32", public_ports_allow: "80,443,12000:12010" },
            cloud_init_url: "https://example.com/ci.yaml",
          },
        },
      });
    }
  });

  it("leaves optional fields out instead of sending them empty", () => {
    const body = buildOrderBody(ready({ ipv4: false, antiaffinity: "9" }));
    const options = body.items[0]?.product.options;
    expect(body).not.toHaveProperty("reference");
    expect(options).not.toHaveProperty("antiaffinity"); // spread is off, the typed number is ignored
    expect(options).not.toHaveProperty("firewall_id");
    expect(options).not.toHaveProperty("firewall_addme");
    expect(options?.features).toEqual({ ipv4: 0, sshd: { ip_allow: "192.0.2.10" } });
  });

  it("shows the upstream request with action first, and a curl command with placeholder credentials", () => {
    const body = buildOrderBody(ready());
    const json = upstreamRequestJson(body);
    expect(json.startsWith('{\n  "action": "order_create",')).toBe(true);
    expect(orderCreateRequestSchema.safeParse(JSON.parse(json)).success).toBe(true);
    const token = curlCommand(body, "token");
    expect(token).toContain('-H "X-Account-Token: $KLIKK_TOKEN"');
    expect(token).toContain("https://my.klikk.com/api");
    expect(token).toContain(json);
    expect(curlCommand(body, "basic")).toContain('-u "$KLIKK_USER:$KLIKK_PASSWORD"');
    expect(curlCommand(body, "digest")).toContain('--digest -u "$KLIKK_USER:$KLIKK_PASSWORD"');
  });
});

describe("validateDraft", () => {
  it("accepts a complete draft", () => {
    expect(validateDraft(ready())).toEqual({});
  });

  it("maps schema issues back to the wizard's fields and steps", () => {
    const errors = validateDraft(
      ready({
        names: ["web-1", "bad name"],
        ipAllow: "",
        publicPorts: "90:80",
        cloudInitUrl: "http://example.com/ci",
        sizePreset: "custom",
        ramGb: "0.7",
        firewallAddme: true,
      }),
    );
    expect(errors["server-name-1"]).toMatch(/not a valid server name/);
    expect(errors["ip-allow"]).toMatch(/^Enter at least one address/);
    expect(errors["public-ports"]).toMatch(/backwards range/);
    expect(errors["cloud-init-url"]).toMatch(/must start with https:\/\//);
    expect(errors["size-ram"]).toMatch(/^RAM must be between 0.5 and 256 GB/);
    expect(errors["firewall-addme"]).toMatch(/must come with a firewall_id/);
    expect(errorsOfStep(errors, "network").map(([field]) => field).sort()).toEqual(["cloud-init-url", "firewall-addme", "ip-allow", "public-ports"]);
    expect(errorsOfStep(errors, "servers").map(([field]) => field).sort()).toEqual(["server-name-1", "size-ram"]);
  });

  it("adds checks the contract cannot express", () => {
    const errors = validateDraft(ready({ names: ["web-1", "WEB-1"], spread: true, antiaffinity: "" }));
    expect(errors["server-name-1"]).toMatch(/Server 1 already has this name/);
    expect(errors.antiaffinity).toMatch(/Enter an anti-affinity group number/);
  });

  it("names bad CIDRs and private keys", () => {
    expect(validateDraft(ready({ ipAllow: "10.0.0.0/33" }))["ip-allow"]).toMatch(/invalid prefix length/);
    const privateKey = PRIVATE_KEY;
    expect(validateDraft(ready({ sshKeys: privateKey }))["ssh-keys"]).toContain(PRIVATE_KEY_MESSAGE.slice(1));
  });

  it("refuses non-numeric sizes instead of sending null", () => {
    const errors = validateDraft(ready({ sizePreset: "custom", cpu: "two", storageGb: "" }));
    expect(errors["size-cpu"]).toMatch(/^CPU cores must be a whole number/);
    expect(errors["size-storage"]).toMatch(/^Storage is required/);
    expect(sizeTotals(ready({ cpu: "two" }))).toBeNull();
  });
});

describe("paths and fields", () => {
  it("finds the field of contract paths, including upstream ones", () => {
    expect(fieldForPath("items[0].product.options.features.sshd.ip_allow")).toBe("ip-allow");
    expect(fieldForPath("items[2].name")).toBe("server-name-2");
    expect(fieldForPath("items[1].product.options.antiaffinity")).toBe("antiaffinity");
    expect(fieldForPath("reference")).toBe("order-reference");
    expect(fieldForPath("items")).toBe("server-count");
    expect(fieldForPath("something.else")).toBe("review-general");
    expect(stepOfField("server-name-4")).toBe("servers");
    expect(stepOfField("size-ram")).toBe("servers");
    expect(stepOfField("cloud-init-url")).toBe("network");
    expect(stepOfField("firewall-id")).toBe("network");
  });

  it("opens the step that holds the fields of the six-step wizard's addresses", () => {
    expect(stepFromParam("size")).toBe("servers");
    expect(stepFromParam("cloud-init")).toBe("network");
    expect(stepFromParam("review")).toBe("review");
    expect(stepFromParam("payment")).toBeNull();
    expect(stepFromParam(null)).toBeNull();
  });
});

describe("draft helpers", () => {
  it("resizes the server list, keeping edited names and numbering new ones", () => {
    expect(resizeNames(["db", "web-2"], 4)).toEqual(["db", "web-2", "web-1", "web-3"]);
    expect(resizeNames(["a", "b", "c"], 1)).toEqual(["a"]);
    expect(resizeNames(["web-2"], 2)).toEqual(["web-2", "web-1"]);
    expect(resizeNames(["a"], 99)).toHaveLength(10);
  });

  it("suggests the next free names among the account's servers, never an existing one", () => {
    expect(defaultNames(1, [])).toEqual(["web-1"]);
    expect(defaultNames(1, ["web-1", "WEB-2 ", "db-1"])).toEqual(["web-3"]);
    expect(defaultNames(3, ["web-1", "web-3"])).toEqual(["web-2", "web-4", "web-5"]);
    expect(resizeNames(["web-4"], 3, ["web-1", "web-2", "web-3", "web-5"])).toEqual(["web-4", "web-6", "web-7"]);
    expect([...namesInUse(["web-1", "app", " Web-2"], ["web-1", "web-2"])]).toEqual([0, 2]);
  });

  it("applies presets and totals them across servers", () => {
    const draft = applyPreset(ready({ names: ["a", "b", "c"] }), "large");
    expect(sizeTotals(draft)).toEqual({ servers: 3, ramGb: 48, cpu: 12, storageGb: 600 });
    expect(applyPreset(draft, "custom").sizePreset).toBe("custom");
  });

  it("restores only well-formed stored drafts", () => {
    const draft = ready();
    expect(parseStoredDraft(JSON.stringify(draft))).toEqual(draft);
    expect(parseStoredDraft("{")).toBeNull();
    expect(parseStoredDraft(JSON.stringify({ ...draft, version: 2 }))).toBeNull();
    expect(parseStoredDraft(null)).toBeNull();
    expect(parseStoredDraft("[]")).toBeNull();
    expect(parseStoredDraft(JSON.stringify({ ...draft, idempotencyKey: "short" }))).toBeNull();
    expect(parseStoredDraft(JSON.stringify({ ...draft, furthest: "payment" }))).toBeNull();
    expect(parseStoredDraft(JSON.stringify({ ...draft, names: [] }))).toBeNull();
    expect(parseStoredDraft(JSON.stringify({ ...draft, names: ["web-1", 2] }))).toBeNull();
    expect(parseStoredDraft(JSON.stringify({ ...draft, ramGb: 4 }))).toBeNull();
    expect(parseStoredDraft(JSON.stringify({ ...draft, ipv4: "true" }))).toBeNull();
    const withoutKeys: Partial<Draft> = { ...draft };
    delete withoutKeys.sshKeys;
    expect(parseStoredDraft(JSON.stringify(withoutKeys))).toBeNull();
    // Unknown keys are dropped, as before, so nothing but the draft's own fields reaches the form.
    expect(parseStoredDraft(JSON.stringify({ ...draft, extra: "x" }))).toEqual(draft);
  });

  it("reads a draft the six-step wizard stored: its step maps to the one holding it, its names stay", () => {
    const old: Record<string, unknown> = { ...ready({ names: ["web-1"] }), furthest: "cloud-init" };
    delete old.namesChosen;
    expect(parseStoredDraft(JSON.stringify(old))).toMatchObject({ furthest: "network", names: ["web-1"], namesChosen: true });
    expect(parseStoredDraft(JSON.stringify({ ...old, furthest: "size" }))?.furthest).toBe("servers");
  });

  it("words the handoff for payment required", () => {
    expect(createdNotice(77, 100)).toEqual({ title: "Order 77 placed: payment required", text: PAYMENT_REQUIRED_NOTICE });
    expect(createdNotice(77, 200).title).toBe("Order 77 placed");
    expect(createdOrderHref(77, 100)).toBe("/orders/77?created=1&status=100");
  });
});
