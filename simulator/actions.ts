/**
 * The five actions of the contract, acting on the Store for an authenticated Principal.
 * Every refusal is an HttpError with the contract's status and a message that names the field
 * or the object concerned.
 */
import { firstIssueMessage, orderCreateRequestSchema } from "../lib/klikk/contract/order-request.ts";
import type { Principal } from "./auth.ts";
import { formatEuros, itemPriceCents } from "./pricing.ts";
import type { Invoice, Item, Order } from "./state.ts";
import { STATUS, type Store } from "./store.ts";

export const actionNames = ["order_create", "order_status", "order_list", "order_cancel", "server_list"] as const;
export type ActionName = (typeof actionNames)[number];

export function isActionName(s: unknown): s is ActionName {
  return typeof s === "string" && (actionNames as readonly string[]).includes(s);
}

export class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** A JSON answer, or `null` for the empty 200 of order_cancel. */
export type ActionResult = { status: number; body: string | Buffer | null };

const json = (value: unknown): ActionResult => ({ status: 200, body: JSON.stringify(value) });

/** Ids may come as numbers or digit strings; the simulator reads them leniently. */
function readId(body: Record<string, unknown>, key: string, required: boolean): number | undefined {
  const v = body[key];
  if (v === undefined || v === null || v === "" || v === 0 || v === "0") {
    if (required) throw new HttpError(400, v === undefined || v === null ? `${key} is required` : `${key} must be a positive whole number`);
    return undefined;
  }
  const n = typeof v === "number" ? v : typeof v === "string" && /^[0-9]{1,15}$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new HttpError(400, `${key} must be a positive whole number`);
  return n;
}

function refuseUnknownKeys(body: Record<string, unknown>, allowed: readonly string[]): void {
  const unknown = Object.keys(body).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) {
    throw new HttpError(400, `unknown field ${unknown.map((k) => JSON.stringify(k)).join(", ")} for ${String(body.action)}: remove it`);
  }
}

function visibleOrder(store: Store, principal: Principal, orderId: number): Order {
  const order = store.orders.get(orderId);
  // Not found and not visible read the same: no existence leaks across profiles.
  if (!order || !principal.visibleProfileIds.includes(order.profileId)) throw new HttpError(404, `order ${orderId} not found`);
  return order;
}

function canWrite(principal: Principal, profileId: number): boolean {
  const m = principal.account.memberships.find((x) => x.profileId === profileId);
  return m !== undefined && !m.readOnly;
}

function profileName(store: Store, profileId: number): string {
  return store.profiles.get(profileId)?.name ?? String(profileId);
}

export function runAction(store: Store, principal: Principal, action: ActionName, body: Record<string, unknown>): ActionResult {
  switch (action) {
    case "order_create":
      return orderCreate(store, principal, body);
    case "order_status": {
      refuseUnknownKeys(body, ["action", "order_id"]);
      const id = readId(body, "order_id", true) as number;
      return json(store.orderJson(visibleOrder(store, principal, id), false));
    }
    case "order_list": {
      refuseUnknownKeys(body, ["action"]);
      const orders = store.state.orders.filter((o) => principal.visibleProfileIds.includes(o.profileId));
      return json({ orders: orders.map((o) => store.orderJson(o, true)) });
    }
    case "order_cancel":
      return orderCancel(store, principal, body);
    case "server_list":
      return serverList(store, principal, body);
  }
}

function orderCreate(store: Store, principal: Principal, body: Record<string, unknown>): ActionResult {
  const profileId = principal.actingProfileId;
  if (!canWrite(principal, profileId)) {
    throw new HttpError(403, `read-only access to profile "${profileName(store, profileId)}": placing orders is not allowed`);
  }
  const parsed = orderCreateRequestSchema.safeParse(body);
  if (!parsed.success) throw new HttpError(400, firstIssueMessage(parsed.error));
  const request = parsed.data;

  // Conflicts come before any money moves: nothing is created when one item cannot be placed.
  request.items.forEach((it, i) => {
    const fw = it.product.options.firewall_id;
    if (fw !== undefined) {
      const group = store.firewallGroups.get(fw);
      if (!group || group.profileId !== profileId) {
        throw new HttpError(409, `items[${i}].product.options.firewall_id: firewall group ${fw} does not exist in profile "${profileName(store, profileId)}"`);
      }
    }
  });
  const hostCount = store.state.hostCount;
  const usedByGroup = new Map<number, Set<number>>();
  const hosts = request.items.map((it, i) => {
    const group = it.product.options.antiaffinity;
    if (group === undefined) return ((store.state.counters.item + i) % hostCount) + 1;
    let used = usedByGroup.get(group);
    if (!used) {
      used = store.hostsOfGroup(profileId, group);
      usedByGroup.set(group, used);
    }
    for (let h = 1; h <= hostCount; h++) {
      if (!used.has(h)) {
        used.add(h);
        return h;
      }
    }
    throw new HttpError(
      409,
      `items[${i}].product.options.antiaffinity: anti-affinity group ${group} has no free host (at most ${hostCount} servers of one group can run apart): use another group number or cancel a server of group ${group}`,
    );
  });

  const now = store.now();
  const c = store.state.counters;
  const profile = store.profiles.get(profileId);
  if (!profile) throw new HttpError(403, "this account has no usable customer profile");
  const prices = request.items.map((it) => itemPriceCents(it));
  const total = prices.reduce((a, b) => a + b, 0);
  const paid = profile.creditCents >= total;
  const orderId = c.order++;
  let invoice: Invoice | null = null;
  if (paid) {
    profile.creditCents -= total;
  } else {
    invoice = {
      id: c.invoice++,
      profileId,
      orderId,
      amountCents: total,
      created: now,
      status: "open",
      paidAt: null,
      autoPayAt: store.options.paymentDelayMs > 0 ? now + store.options.paymentDelayMs : null,
    };
  }
  const items: Item[] = request.items.map((spec, i) => ({
    id: c.item++,
    name: spec.name,
    spec,
    priceCents: prices[i] as number,
    status: paid ? STATUS.processing : STATUS.paymentRequired,
    hostId: hosts[i] as number,
    nextAt: paid ? now + store.options.tickMs : null,
    periodEnd: null,
    serverId: null,
  }));
  const order: Order = {
    id: orderId,
    profileId,
    accountId: principal.account.id,
    reference: request.reference ?? "",
    created: now,
    invoiceId: invoice?.id ?? null,
    items,
  };
  store.addOrder(order);
  if (invoice) store.addInvoice(invoice);
  const status = paid ? STATUS.processing : STATUS.paymentRequired;
  const message = invoice
    ? `Payment required: invoice ${invoice.id} created (${formatEuros(total)})`
    : "Order is being processed";
  return json({ order_id: orderId, status, message });
}

function orderCancel(store: Store, principal: Principal, body: Record<string, unknown>): ActionResult {
  refuseUnknownKeys(body, ["action", "order_id", "order_item_id"]);
  const orderId = readId(body, "order_id", true) as number;
  const itemId = readId(body, "order_item_id", false);
  if (!principal.visibleProfileIds.some((p) => canWrite(principal, p))) {
    throw new HttpError(403, "read-only access: cancelling orders is not allowed");
  }
  const order = visibleOrder(store, principal, orderId);
  if (!canWrite(principal, order.profileId)) {
    throw new HttpError(403, `read-only access to profile "${profileName(store, order.profileId)}": cancelling orders is not allowed`);
  }
  const targets = itemId === undefined ? order.items : order.items.filter((i) => i.id === itemId);
  if (targets.length === 0) throw new HttpError(404, `order item ${itemId} not found in order ${orderId}`);
  for (const item of targets) {
    const ref = store.items.get(item.id);
    if (ref) store.cancelItem(ref);
  }
  return { status: 200, body: null };
}

function serverList(store: Store, principal: Principal, body: Record<string, unknown>): ActionResult {
  refuseUnknownKeys(body, ["action", "order_item_id"]);
  const itemId = readId(body, "order_item_id", false);
  if (itemId === undefined) return { status: 200, body: store.serverListAnswer(principal.visibleProfileIds) };
  const ref = store.items.get(itemId);
  if (!ref || !principal.visibleProfileIds.includes(ref.order.profileId)) {
    throw new HttpError(404, `order item ${itemId} not found`);
  }
  const server = store.serverByItem.get(itemId);
  return json({ servers: server ? [server] : [] });
}
