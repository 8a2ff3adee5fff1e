import { describe, expect, it } from "vitest";
import {
  answers,
  describeSchemaError,
  orderCreateResultSchema,
  orderListSchema,
  orderStatusSchema,
  parseErrorBody,
  serverListSchema,
  serverSchema,
} from "./schemas.ts";

// The contract's own examples (../shared/klikk-api.md).
const createAnswer = { order_id: 73, status: 200, message: "Order is being processed" };
const statusAnswer = {
  order_id: 73,
  status: 200,
  message: "Order is being processed",
  order_items: [{ id: 1293, status: 200, name: "VPS", reference: "My testserver 1", message: "Order is being processed" }],
};
const serverAnswer = {
  servers: [
    {
      id: 4411,
      name: "my.server.com",
      cpu: 1,
      memory: 512,
      is_running: 1,
      customer_id: 310,
      order_item_id: 1293,
      networks: [{ id: 9001, ifindex: 0, name: "Segmentname1", ipv4: "", ipv6: "fec0::fec0" }],
      storages: [{ id: 501, lun: 0, name: "NVM SSD", size: 20000 }],
    },
  ],
};

function stringifyNumbers(value: unknown): unknown {
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.map(stringifyNumbers);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stringifyNumbers(v)]));
  }
  return value;
}

function firstPath(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): PropertyKey[] | undefined {
  return result.error?.issues[0]?.path;
}

describe("the contract's examples parse", () => {
  it("order_create", () => {
    expect(orderCreateResultSchema.parse(createAnswer)).toEqual(createAnswer);
    expect(answers.orderCreate.safeParse(createAnswer)).toEqual({ success: true, data: createAnswer });
  });

  it("order_status", () => {
    expect(orderStatusSchema.parse(statusAnswer)).toEqual(statusAnswer);
    expect(answers.orderStatus.safeParse(statusAnswer).data).toEqual(statusAnswer);
  });

  it("order_list as {orders} with reference and created", () => {
    const order = { ...statusAnswer, reference: "Optional order reference", created: "2026-11-02T10:00:00Z" };
    expect(orderListSchema.parse({ orders: [order] })).toEqual([order]);
    expect(answers.orderList.safeParse({ orders: [order] }).data).toEqual([order]);
  });

  it("server_list", () => {
    expect(serverListSchema.parse(serverAnswer)).toEqual(serverAnswer.servers);
    expect(answers.serverList.safeParse(serverAnswer).data).toEqual(serverAnswer.servers);
  });
});

describe("tolerance", () => {
  it("accepts numbers sent as strings, in every answer", () => {
    const servers = answers.serverList.safeParse(stringifyNumbers(serverAnswer));
    expect(servers.success).toBe(true);
    expect(servers.data).toEqual(serverAnswer.servers);

    const status = answers.orderStatus.safeParse(stringifyNumbers(statusAnswer));
    expect(status.data).toEqual(statusAnswer);
    expect(answers.orderCreate.safeParse({ order_id: "73", status: " 100 ", message: "x" }).data).toEqual({
      order_id: 73,
      status: 100,
      message: "x",
    });
    expect(orderListSchema.parse([stringifyNumbers(statusAnswer)])).toEqual([statusAnswer]);
  });

  it("keeps unknown fields", () => {
    const server = { ...serverAnswer.servers[0], hostname: "h1", tags: ["a"] };
    expect(answers.serverList.safeParse({ servers: [server], total: 1 }).data?.[0]).toMatchObject({ hostname: "h1", tags: ["a"] });
    // the tolerant path keeps them too
    expect(serverSchema.parse({ ...server, cpu: "2" })).toMatchObject({ hostname: "h1", cpu: 2 });
    expect(orderStatusSchema.parse({ ...statusAnswer, invoice_id: 5521 })).toMatchObject({ invoice_id: 5521 });
  });

  it("tolerates missing and null optional fields", () => {
    const bare = { id: 1, name: "s", cpu: 1, memory: 512, is_running: true, networks: [{ id: 2, name: "n", ipv6: "fec0::1" }] };
    const server = serverSchema.parse(bare);
    expect(server).toMatchObject({ is_running: 1, customer_id: null, order_item_id: null, storages: [] });
    expect(server.networks[0]).toMatchObject({ ipv4: "", ipv6: "fec0::1", ifindex: 0 });
    expect(serverSchema.parse({ ...bare, networks: null, is_running: "0", order_item_id: null }).networks).toEqual([]);

    const order = orderStatusSchema.parse({ order_id: 5, status: 0, message: null, reference: null });
    expect(order).toEqual({ order_id: 5, status: 0, message: "", order_items: [] });
    expect(answers.orderStatus.safeParse({ order_id: 5, status: 0 }).data?.order_items).toEqual([]);
  });

  it("reads order_list as an object or a bare array", () => {
    expect(orderListSchema.parse([statusAnswer])).toEqual([statusAnswer]);
    expect(orderListSchema.parse({ orders: [] })).toEqual([]);
    expect(answers.orderList.safeParse([statusAnswer]).data).toEqual([statusAnswer]);
    expect(answers.orderList.safeParse([]).data).toEqual([]);
    expect(answers.serverList.safeParse(serverAnswer.servers).data).toEqual(serverAnswer.servers);
  });
});

describe("bad answers fail naming the field", () => {
  it("a non-numeric string where a number belongs", () => {
    const bad = structuredClone(serverAnswer);
    (bad.servers[0] as Record<string, unknown>).cpu = "lots";
    const r = answers.serverList.safeParse(bad);
    expect(r.success).toBe(false);
    expect(firstPath(r)).toEqual(["servers", 0, "cpu"]);
    expect(describeSchemaError(r.error!)).toMatch(/^servers\[0\]\.cpu: /);
  });

  it("a missing required field, deep inside", () => {
    const bad = structuredClone(statusAnswer) as { order_items: Record<string, unknown>[] };
    delete bad.order_items[0]!.id;
    const r = answers.orderStatus.safeParse(bad);
    expect(firstPath(r)).toEqual(["order_items", 0, "id"]);
  });

  it("an empty string is not a number", () => {
    expect(firstPath(orderCreateResultSchema.safeParse({ order_id: "", status: 200, message: "" }))).toEqual(["order_id"]);
  });

  it("order_list in a bare array names the path under orders", () => {
    const r = answers.orderList.safeParse([statusAnswer, { ...statusAnswer, status: "pending" }]);
    expect(firstPath(r)).toEqual(["orders", 1, "status"]);
  });

  it("wrong top-level shapes", () => {
    expect(answers.orderList.safeParse({ items: [] }).success).toBe(false);
    expect(firstPath(answers.orderList.safeParse({ items: [] }))).toEqual(["orders"]);
    expect(answers.serverList.safeParse("nope").success).toBe(false);
    expect(answers.orderCreate.safeParse(null).success).toBe(false);
    expect(answers.orderStatus.safeParse([]).success).toBe(false);
  });
});

describe("parseErrorBody", () => {
  it("reads {status, message}", () => {
    expect(parseErrorBody('{"status":400,"message":"items[0].name is required"}')).toEqual({
      status: 400,
      message: "items[0].name is required",
    });
  });
  it("survives empty, non-JSON and odd bodies", () => {
    expect(parseErrorBody("")).toEqual({});
    expect(parseErrorBody("<html>Bad Gateway</html>")).toEqual({});
    expect(parseErrorBody("null")).toEqual({});
    expect(parseErrorBody("[1,2]")).toEqual({});
    expect(parseErrorBody('{"status":"oops","message":7}')).toEqual({});
    expect(parseErrorBody('{"error":"nope"}')).toEqual({ message: "nope" });
    expect(parseErrorBody('{"error":{"message":"deep"},"status":"503"}')).toEqual({ status: 503, message: "deep" });
  });
});

describe("performance", () => {
  it("reads and validates 20,000 servers (the time is logged; npm run bench measures it)", () => {
    const servers = Array.from({ length: 20_000 }, (_, i) => ({
      id: 4411 + i,
      name: `server-${i}.example.com`,
      cpu: (i % 8) + 1,
      memory: 512 * ((i % 16) + 1),
      is_running: i % 3 ? 1 : 0,
      customer_id: 310,
      order_item_id: 1293 + i,
      created: "2026-11-01T12:00:00Z",
      hostname: `host-${i % 40}`,
      networks: [
        { id: 9001 + i, ifindex: 0, name: "Public LAN", ipv4: i % 2 ? `192.0.2.${i % 250}` : "", ipv6: `2001:db8::${i.toString(16)}` },
        { id: 90001 + i, ifindex: 1, name: "Private LAN", ipv4: `10.0.${(i >> 8) & 255}.${i & 255}`, ipv6: "" },
      ],
      storages: [{ id: 501 + i, lun: 0, name: "NVM SSD", size: 20000 }],
    }));
    const text = JSON.stringify({ servers });
    const runs: { json: number; validate: number }[] = [];
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      const json: unknown = JSON.parse(text);
      const t1 = performance.now();
      const result = answers.serverList.safeParse(json);
      const t2 = performance.now();
      expect(result.success).toBe(true);
      expect(result.data).toHaveLength(20_000);
      runs.push({ json: t1 - t0, validate: t2 - t1 });
    }
    const best = runs.reduce((a, b) => (a.json + a.validate <= b.json + b.validate ? a : b));
    console.log(
      `server_list 20k (${(text.length / 1e6).toFixed(1)} MB): JSON.parse ${best.json.toFixed(1)} ms + validate ${best.validate.toFixed(1)} ms (best of 5)`,
    );
    // No time bound here: a timed unit test fails on a busy machine. The figure is logged.
  });
});
