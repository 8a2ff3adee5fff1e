/**
 * Schemas for every ANSWER of the klikk action API (../shared/klikk-api.md), read tolerantly.
 *
 * The provider documents little, so the reader bends where the contract says it may vary and
 * nowhere else:
 * - unknown fields are kept (`z.looseObject`), so a field the provider adds later reaches the
 *   pages instead of vanishing;
 * - numbers may arrive as numeric strings ("73"); anything non-numeric is still an error;
 * - optional fields may be missing or null (`ipv4` "" or absent, `order_items` absent -> []);
 * - `order_list` may be `{orders: [...]}` or a bare array; it is normalised to an array.
 *
 * server_list can hold tens of thousands of servers, so the schemas stay flat and cheap (no
 * refinements), and `answers` tries a strict twin first (see there). Request bodies live in
 * ./contract/.
 */
import { z } from "zod";
import { compileShapeCheck } from "./shape-check.ts";

const NUMERIC = /^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

// The building blocks, tolerant form. Unions try the documented form first, so the common case
// costs one check; z.preprocess was measured about 3x slower on a 20,000-server list.
const numericString = z.string().regex(NUMERIC, "expected a number").transform(Number);

/** A number, or a string holding one ("73", " 0.5 "). Non-numeric strings fail. */
export const looseNumber = z.union([z.number(), numericString]);

const tolerantKit = {
  num: looseNumber,
  /** A number where missing or null reads as 0. */
  numOr0: z.union([z.number(), numericString, z.null().transform(() => 0)]).default(0),
  /** A number where missing or null reads as null. */
  numOrNull: z.union([z.number(), numericString, z.null()]).default(null),
  /** 0/1 flags: numbers, numeric strings and booleans all read as a number; missing is 0. */
  flag: z
    .union([z.number(), numericString, z.boolean().transform((b) => (b ? 1 : 0)), z.null().transform(() => 0)])
    .default(0),
  /** A string where missing or null reads as "". */
  str: z.union([z.string(), z.null().transform(() => "")]).default(""),
  /** An optional string: missing or null read as undefined. */
  optStr: z.union([z.string(), z.null().transform(() => undefined)]).optional(),
  /** An array where missing or null reads as []. (Not a union: issues inside keep their path.) */
  arr: <T extends z.ZodType>(item: T) => z.array(item).nullish().transform((v): z.output<T>[] => v ?? []),
};
type Kit = typeof tolerantKit;

/**
 * The documented form only: plain numbers, strings and arrays, every field present, no
 * transforms and no defaults. When it accepts an answer, the tolerant form would return the
 * same values, so the reader hands back the input itself, unknown fields and all, without
 * copying it (copying unknown keys is most of what z.looseObject costs on a large list).
 */
const strictKit = {
  num: z.number(),
  numOr0: z.number(),
  numOrNull: z.number().nullable(),
  flag: z.number(),
  str: z.string(),
  optStr: z.string().optional(),
  arr: <T extends z.ZodType>(item: T) => z.array(item),
} as unknown as Kit;

type ObjectFactory = typeof z.looseObject;

/** Every answer schema, built from one kit so the strict and tolerant forms cannot drift. */
function defineAnswers(k: Kit, object: ObjectFactory) {
  const orderItemStatus = object({
    id: k.num,
    status: k.num,
    name: k.str,
    /** The item's own reference: the server name given in order_create. */
    reference: k.optStr,
    message: k.str,
  });
  const orderStatus = object({
    order_id: k.num,
    status: k.num,
    message: k.str,
    order_items: k.arr(orderItemStatus),
    /** The order's reference (order_list; optional). */
    reference: k.optStr,
    /** ISO 8601 creation time (order_list; optional). */
    created: k.optStr,
  });
  // A bare array is wrapped first, so issue paths start with "orders" whichever form arrived.
  const orderList = z
    .preprocess((v) => (Array.isArray(v) ? { orders: v } : v), object({ orders: z.array(orderStatus) }))
    .transform((v) => v.orders);
  const orderCreateResult = object({ order_id: k.num, status: k.num, message: k.str });
  const serverNetwork = object({ id: k.num, ifindex: k.numOr0, name: k.str, ipv4: k.str, ipv6: k.str });
  const serverStorage = object({ id: k.num, lun: k.numOr0, name: k.str, size: k.num });
  const server = object({
    id: k.num,
    name: k.str,
    cpu: k.num,
    memory: k.num,
    is_running: k.flag,
    customer_id: k.numOrNull,
    order_item_id: k.numOrNull,
    networks: k.arr(serverNetwork),
    storages: k.arr(serverStorage),
  });
  const serverList = z
    .preprocess((v) => (Array.isArray(v) ? { servers: v } : v), object({ servers: z.array(server) }))
    .transform((v) => v.servers);
  return { orderItemStatus, orderStatus, orderList, orderCreateResult, serverNetwork, serverStorage, server, serverList };
}

const tolerant = defineAnswers(tolerantKit, z.looseObject);
// Strip mode never looks at unknown keys; the reader returns the input, so nothing is lost.
const strict = defineAnswers(strictKit, z.object as unknown as ObjectFactory);
/** The strict forms, for tests that compare the compiled check with zod's. */
export const strictAnswerSchemas = strict;

// ---------------------------------------------------------------- orders

/** One item of an order, as in `order_status.order_items`. */
export const orderItemStatusSchema = tolerant.orderItemStatus;
export type OrderItemStatus = z.infer<typeof orderItemStatusSchema>;

/** The `order_status` answer; also each entry of `order_list`. `order_items` missing -> []. */
export const orderStatusSchema = tolerant.orderStatus;
export type OrderStatus = z.infer<typeof orderStatusSchema>;

/** The `order_list` answer: `{orders: [...]}` or a bare array, normalised to an array. */
export const orderListSchema = tolerant.orderList;

/** The `order_create` answer: `{order_id, status, message}`; status 100 means payment required. */
export const orderCreateResultSchema = tolerant.orderCreateResult;
export type OrderCreateResult = z.infer<typeof orderCreateResultSchema>;

// ---------------------------------------------------------------- servers

/** One network of a server. `ipv4`/`ipv6` are "" when absent. */
export const serverNetworkSchema = tolerant.serverNetwork;
export type ServerNetwork = z.infer<typeof serverNetworkSchema>;

/** One storage of a server; `size` in MB (20000 for a 20 GB disk). */
export const serverStorageSchema = tolerant.serverStorage;
export type ServerStorage = z.infer<typeof serverStorageSchema>;

/**
 * One server of `server_list`. `memory` in MiB; `is_running` 0 or 1 (booleans read as 0/1);
 * `customer_id`/`order_item_id` null when the provider sends none.
 */
export const serverSchema = tolerant.server;
export type Server = z.infer<typeof serverSchema>;

/** The `server_list` answer: `{servers: [...]}` (or a bare array), normalised to an array. */
export const serverListSchema = tolerant.serverList;

// ---------------------------------------------------------------- fast path

/** Reads one answer: the strict form first (returning the input as is), else the tolerant one. */
export type AnswerReader<T> = {
  safeParse(input: unknown): z.ZodSafeParseResult<T>;
};

/**
 * Whether an input has the strict form. Compiled from the strict schema (./shape-check.ts), so
 * that a large list is not copied by zod only to be thrown away; zod itself where it cannot be.
 */
function strictCheck(schema: z.ZodType): (input: unknown) => boolean {
  return compileShapeCheck(schema) ?? ((input) => schema.safeParse(input).success);
}

function objectReader<T>(fast: z.ZodType, tolerantSchema: z.ZodType<T>): AnswerReader<T> {
  const isStrict = strictCheck(fast);
  return {
    safeParse(input) {
      if (isStrict(input)) return { success: true, data: input as T };
      return tolerantSchema.safeParse(input);
    },
  };
}

function listReader<T>(key: string, fastItems: z.ZodType, tolerantSchema: z.ZodType<T>): AnswerReader<T> {
  const isStrict = strictCheck(fastItems);
  return {
    safeParse(input) {
      const list = Array.isArray(input)
        ? input
        : typeof input === "object" && input !== null
          ? (input as Record<string, unknown>)[key]
          : undefined;
      if (Array.isArray(list) && isStrict(list)) return { success: true, data: list as T };
      return tolerantSchema.safeParse(input);
    },
  };
}

/** The readers the client uses, one per action with an answer body. */
export const answers = {
  orderCreate: objectReader(strict.orderCreateResult, tolerant.orderCreateResult),
  orderStatus: objectReader(strict.orderStatus, tolerant.orderStatus),
  orderList: listReader("orders", z.array(strict.orderStatus), tolerant.orderList),
  serverList: listReader("servers", z.array(strict.server), tolerant.serverList),
};

// ---------------------------------------------------------------- errors

/** What a non-2xx answer told us; both parts optional because the body may be anything. */
export type UpstreamErrorBody = {
  status?: number;
  message?: string;
};

const errorBodySchema = z.looseObject({
  status: looseNumber.optional().catch(undefined),
  message: z.string().optional().catch(undefined),
  error: z.unknown().optional(),
});

/**
 * Reads an error body `{status, message}` tolerantly: non-JSON, empty, or shaped differently
 * (`{error: "..."}`, `{error: {message}}`) never throws; what cannot be read is left out.
 */
export function parseErrorBody(text: string): UpstreamErrorBody {
  if (text.trim() === "") return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {};
  }
  const parsed = errorBodySchema.safeParse(json);
  if (!parsed.success) return {};
  const { status, message, error } = parsed.data;
  let msg = message;
  if (msg === undefined && typeof error === "string") msg = error;
  if (msg === undefined && typeof error === "object" && error !== null && "message" in error) {
    const inner = (error as { message?: unknown }).message;
    if (typeof inner === "string") msg = inner;
  }
  const out: UpstreamErrorBody = {};
  if (status !== undefined) out.status = status;
  if (msg !== undefined) out.message = msg;
  return out;
}

/**
 * A short, log-friendly account of why an answer failed its schema: up to three issues with
 * their paths, e.g. `servers[3].cpu: Invalid input: expected number, received string`.
 */
export function describeSchemaError(error: z.ZodError, max = 3): string {
  const parts = error.issues.slice(0, max).map((issue) => `${pathToString(issue.path)}: ${issue.message}`);
  const more = error.issues.length > max ? ` (+${error.issues.length - max} more)` : "";
  return parts.join("; ") + more;
}

/** `["servers", 3, "cpu"]` -> `servers[3].cpu` (the same form the upstream uses in messages). */
export function pathToString(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out === "" ? String(seg) : `.${String(seg)}`;
  }
  return out === "" ? "(root)" : out;
}
