import { describe, expect, it } from "vitest";
import { z } from "zod";
import { strictAnswerSchemas } from "./schemas.ts";
import { compileShapeCheck } from "./shape-check.ts";

const server = {
  id: 4401,
  name: "web-1",
  cpu: 2,
  memory: 2048,
  is_running: 1,
  customer_id: 310,
  order_item_id: null,
  networks: [{ id: 9001, ifindex: 0, name: "Public LAN", ipv4: "100.64.17.49", ipv6: "2001:db8:4b::1131" }],
  storages: [{ id: 501, lun: 0, name: "NVM SSD", size: 40000 }],
  hostname: "kept",
};
const order = { order_id: 73, status: 200, message: "ok", order_items: [{ id: 1, status: 200, name: "web-1", message: "" }], created: "2026-11-01T12:00:00Z" };

/** Every way of changing one field at a time: other types, missing, null, NaN. */
function* mutations(value: Record<string, unknown>): Generator<unknown> {
  const odd = [undefined, null, "7", 7, Number.NaN, Number.POSITIVE_INFINITY, true, [], {}, [{}]];
  for (const key of Object.keys(value)) {
    for (const replacement of odd) yield { ...value, [key]: replacement };
    yield Object.fromEntries(Object.entries(value).filter(([other]) => other !== key));
    const inner = value[key];
    if (Array.isArray(inner) && inner[0] && typeof inner[0] === "object") {
      for (const changed of mutations(inner[0] as Record<string, unknown>)) yield { ...value, [key]: [changed] };
    }
  }
}

describe("compileShapeCheck", () => {
  const cases: [string, z.ZodType, Record<string, unknown>][] = [
    ["server", strictAnswerSchemas.server, server],
    ["order", strictAnswerSchemas.orderStatus, order],
    ["order_create", strictAnswerSchemas.orderCreateResult, { order_id: 1, status: 100, message: "pay" }],
  ];

  for (const [name, schema, valid] of cases) {
    it(`agrees with zod on a ${name} and every one-field change of it`, () => {
      const check = compileShapeCheck(schema);
      expect(check).not.toBeNull();
      const inputs = [valid, ...mutations(valid), null, [], "x", 1, [valid]];
      for (const input of inputs) expect({ input, ok: check!(input) }).toEqual({ input, ok: schema.safeParse(input).success });
    });
  }

  it("leaves to zod what it does not compile: refinements, strict objects, transforms", () => {
    expect(compileShapeCheck(z.number().int())).toBeNull();
    expect(compileShapeCheck(z.strictObject({ a: z.number() }))).toBeNull();
    expect(compileShapeCheck(z.string().transform(Number))).toBeNull();
    expect(compileShapeCheck(z.object({ a: z.union([z.number(), z.string()]) }))).toBeNull();
  });
});
