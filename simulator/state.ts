/**
 * The simulator's data model and its persistence.
 *
 * Everything the simulator knows is one plain JSON-able `State`; the `Store` in ./store.ts adds
 * indices and caches on top. With `--state FILE` the state is written atomically (temporary file
 * in the same directory, fsync, rename) after every change, and read at start. A file that does
 * not parse or does not have the expected shape is refused and never overwritten.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { z } from "zod";
import { firstIssueMessage, orderItemSchema, type OrderItem as OrderItemSpec } from "../lib/klikk/contract/order-request.ts";

export type Membership = { profileId: number; readOnly: boolean };

export type Account = {
  id: number;
  username: string;
  /** H(username:realm:password) per hash; the password itself is never stored. */
  ha1Md5: string;
  ha1Sha256: string;
  twoFactor: boolean;
  memberships: Membership[];
};

export type Token = {
  id: number;
  /** sha256 hex of the token; the token itself is never stored. */
  sha256: string;
  label: string;
  accountId: number;
  profileId: number;
  /** Addresses and CIDR ranges the token may be used from. */
  allow: string[];
};

export type Profile = { id: number; name: string; creditCents: number };

export type FirewallGroup = { id: number; profileId: number; name: string; addresses: string[]; serverIds: number[] };

export type Item = {
  id: number;
  /** The server name from the request (shown as the item's `reference`). */
  name: string;
  spec: OrderItemSpec;
  priceCents: number;
  status: number;
  hostId: number;
  /** Virtual time of the next automatic transition; null when the item is frozen or final. */
  nextAt: number | null;
  /** For 900: when the period ends and the item becomes 910. */
  periodEnd: number | null;
  serverId: number | null;
};

export type Order = {
  id: number;
  profileId: number;
  accountId: number;
  reference: string;
  created: number;
  invoiceId: number | null;
  items: Item[];
};

export type Invoice = {
  id: number;
  profileId: number;
  orderId: number;
  amountCents: number;
  created: number;
  status: "open" | "paid" | "void";
  paidAt: number | null;
  /** Virtual time at which demo mode pays it; null = only /__sim/pay pays it. */
  autoPayAt: number | null;
};

export type Network = { id: number; ifindex: number; name: string; ipv4: string; ipv6: string };
export type Storage = { id: number; lun: number; name: string; size: number };

export type Server = {
  id: number;
  name: string;
  cpu: number;
  memory: number;
  is_running: 0 | 1;
  customer_id: number;
  order_item_id: number;
  networks: Network[];
  storages: Storage[];
};

export type Counters = { order: number; item: number; server: number; network: number; storage: number; invoice: number };

export type State = {
  version: 1;
  seed: "demo" | "empty";
  /** Virtual clock = Date.now() + clockOffsetMs (moved by /__sim/advance). */
  clockOffsetMs: number;
  /** Real time the seed was built; seeded times are relative to it. */
  seededAt: number;
  counters: Counters;
  hostCount: number;
  accounts: Account[];
  tokens: Token[];
  profiles: Profile[];
  firewallGroups: FirewallGroup[];
  orders: Order[];
  invoices: Invoice[];
  servers: Server[];
};

// The shape check for a loaded file: strict enough to refuse a hand-edited or truncated file with
// a clear message rather than crash later; the item spec is re-checked with the contract schema.
const int = z.number().int();
const stateFileSchema = z.object({
  version: z.literal(1),
  seed: z.enum(["demo", "empty"]),
  clockOffsetMs: z.number(),
  seededAt: z.number(),
  counters: z.object({ order: int, item: int, server: int, network: int, storage: int, invoice: int }),
  hostCount: int.min(1),
  accounts: z.array(
    z.object({
      id: int,
      username: z.string(),
      ha1Md5: z.string(),
      ha1Sha256: z.string(),
      twoFactor: z.boolean(),
      memberships: z.array(z.object({ profileId: int, readOnly: z.boolean() })),
    }),
  ),
  tokens: z.array(
    z.object({ id: int, sha256: z.string(), label: z.string(), accountId: int, profileId: int, allow: z.array(z.string()) }),
  ),
  profiles: z.array(z.object({ id: int, name: z.string(), creditCents: int })),
  firewallGroups: z.array(
    z.object({ id: int, profileId: int, name: z.string(), addresses: z.array(z.string()), serverIds: z.array(int) }),
  ),
  orders: z.array(
    z.object({
      id: int,
      profileId: int,
      accountId: int,
      reference: z.string(),
      created: z.number(),
      invoiceId: int.nullable(),
      items: z.array(
        z.object({
          id: int,
          name: z.string(),
          spec: z.record(z.string(), z.unknown()),
          priceCents: int,
          status: int,
          hostId: int,
          nextAt: z.number().nullable(),
          periodEnd: z.number().nullable(),
          serverId: int.nullable(),
        }),
      ),
    }),
  ),
  invoices: z.array(
    z.object({
      id: int,
      profileId: int,
      orderId: int,
      amountCents: int,
      created: z.number(),
      status: z.enum(["open", "paid", "void"]),
      paidAt: z.number().nullable(),
      autoPayAt: z.number().nullable(),
    }),
  ),
  servers: z.array(
    z.object({
      id: int,
      name: z.string(),
      cpu: int,
      memory: int,
      is_running: z.union([z.literal(0), z.literal(1)]),
      customer_id: int,
      order_item_id: int,
      networks: z.array(z.object({ id: int, ifindex: int, name: z.string(), ipv4: z.string(), ipv6: z.string() })),
      storages: z.array(z.object({ id: int, lun: int, name: z.string(), size: int })),
    }),
  ),
});

export class StateFileError extends Error {
  override name = "StateFileError";
}

/**
 * Read a state file. Returns null when the file does not exist; throws StateFileError (with a
 * one-line message naming the file) when it exists but cannot be used.
 */
export function loadStateFile(path: string): State | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new StateFileError(`cannot read state file ${path}: ${(e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new StateFileError(
      `state file ${path} is corrupt (not valid JSON: ${(e as Error).message}); refusing to start. Fix or remove the file`,
    );
  }
  const parsed = stateFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join(".") || "(top level)" : "(unknown)";
    throw new StateFileError(
      `state file ${path} is corrupt (unexpected content at ${where}: ${issue?.message ?? "invalid"}); refusing to start. Fix or remove the file`,
    );
  }
  for (const order of parsed.data.orders) {
    for (const item of order.items) {
      const spec = orderItemSchema.safeParse(item.spec);
      if (!spec.success) {
        throw new StateFileError(
          `state file ${path} is corrupt (order ${order.id} item ${item.id}: ${firstIssueMessage(spec.error)}); refusing to start. Fix or remove the file`,
        );
      }
    }
  }
  return parsed.data as unknown as State;
}

/** Write the state atomically: temporary file in the same directory, fsync, rename. */
export function saveStateFile(path: string, state: State): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const data = JSON.stringify(state);
  const fd = openSync(tmp, "w", 0o600);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // the temporary file is already gone
    }
    throw e;
  }
}
