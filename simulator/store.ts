/**
 * The simulator's live state: the plain `State` plus indices, the virtual clock, the status
 * machine of order items, and the cached server_list answers.
 *
 * Time is virtual: `now() = Date.now() + clockOffsetMs`, and /__sim/advance moves the offset.
 * Transitions are computed from timestamps (`nextAt`), not from timers, so advancing the clock by
 * an hour runs every due step at once; a timer in ./index.ts only calls `settle()` so that the
 * state file stays current when nobody asks.
 */
import { randomUUID } from "node:crypto";
import { serverFromItem } from "./provision.ts";
import { saveStateFile } from "./state.ts";
import type { Account, FirewallGroup, Invoice, Item, Order, Profile, Server, State, Token } from "./state.ts";
import { formatEuros } from "./pricing.ts";

export type StoreOptions = {
  tickMs: number;
  periodMs: number;
  /** <= 0: invoices are only paid through /__sim/pay. */
  paymentDelayMs: number;
  statePath?: string | undefined;
};

export type ItemRef = { order: Order; item: Item };

export const STATUS = {
  paymentRequired: 100,
  processing: 110,
  pendingCreation: 200,
  provisioning: 210,
  completed: 0,
  cancelScheduled: 900,
  cancelled: 910,
} as const;

export class Store {
  state!: State;
  readonly options: StoreOptions;
  /** Changes every time the state is replaced (reset), so caches keyed on it die with it. */
  generation = randomUUID();

  orders = new Map<number, Order>();
  items = new Map<number, ItemRef>();
  servers = new Map<number, Server>();
  serverByItem = new Map<number, Server>();
  invoices = new Map<number, Invoice>();
  accountsById = new Map<number, Account>();
  accountsByName = new Map<string, Account>();
  tokensByHash = new Map<string, Token>();
  profiles = new Map<number, Profile>();
  firewallGroups = new Map<number, FirewallGroup>();
  /** Items with a scheduled transition (nextAt !== null). */
  moving = new Set<ItemRef>();

  /** JSON of each server (servers never change in place; they come and go). */
  #serverJson = new Map<number, string>();
  /** Comma-joined server JSON per profile. */
  #serverJsonByProfile = new Map<number, string>();
  #serverListAnswers = new Map<string, Buffer>();
  #dirty = false;

  constructor(state: State, options: StoreOptions) {
    this.options = options;
    this.replace(state);
  }

  /**
   * While true, open invoices wait for /__sim/pay instead of paying themselves after
   * paymentDelayMs, so a test can look at an unpaid order as long as it needs. Not part of the
   * saved state; a reset turns it off.
   */
  holdPayments = false;

  /** Swap in a whole new state (start, reset) and rebuild every index. */
  replace(state: State): void {
    this.state = state;
    this.holdPayments = false;
    this.generation = randomUUID();
    this.orders.clear();
    this.items.clear();
    this.servers.clear();
    this.serverByItem.clear();
    this.invoices.clear();
    this.accountsById.clear();
    this.accountsByName.clear();
    this.tokensByHash.clear();
    this.profiles.clear();
    this.firewallGroups.clear();
    this.moving.clear();
    for (const a of state.accounts) {
      this.accountsById.set(a.id, a);
      this.accountsByName.set(a.username, a);
    }
    for (const t of state.tokens) this.tokensByHash.set(t.sha256, t);
    for (const p of state.profiles) this.profiles.set(p.id, p);
    for (const g of state.firewallGroups) this.firewallGroups.set(g.id, g);
    for (const inv of state.invoices) this.invoices.set(inv.id, inv);
    for (const o of state.orders) {
      this.orders.set(o.id, o);
      for (const item of o.items) {
        const ref = { order: o, item };
        this.items.set(item.id, ref);
        if (item.nextAt !== null) this.moving.add(ref);
      }
    }
    state.servers.sort((a, b) => a.id - b.id);
    for (const s of state.servers) {
      this.servers.set(s.id, s);
      this.serverByItem.set(s.order_item_id, s);
    }
    this.#invalidateServers();
  }

  now(): number {
    return Date.now() + this.state.clockOffsetMs;
  }

  /** Move the virtual clock forward and run what became due. */
  advance(ms: number): void {
    this.state.clockOffsetMs += ms;
    this.markDirty();
    this.settle();
  }

  markDirty(): void {
    this.#dirty = true;
  }

  /** Persist if anything changed since the last save. Throws if the file cannot be written. */
  flush(): void {
    if (!this.#dirty) return;
    this.#dirty = false;
    if (this.options.statePath) saveStateFile(this.options.statePath, this.state);
  }

  // ---------------------------------------------------------------------------------------------
  // The status machine

  /** Apply every transition that is due at the current virtual time. */
  settle(): void {
    const now = this.now();
    for (const inv of this.state.invoices) {
      if (inv.status === "open" && !this.holdPayments && inv.autoPayAt !== null && inv.autoPayAt <= now) this.payInvoice(inv, inv.autoPayAt);
    }
    if (this.moving.size === 0) return;
    for (const ref of [...this.moving]) {
      const { item } = ref;
      while (item.nextAt !== null && item.nextAt <= now) this.#step(ref, item.nextAt);
      if (item.nextAt === null) this.moving.delete(ref);
    }
  }

  #step(ref: ItemRef, at: number): void {
    const { item, order } = ref;
    const tick = this.options.tickMs;
    this.markDirty();
    switch (item.status) {
      case STATUS.processing:
        item.status = STATUS.pendingCreation;
        item.nextAt = at + tick;
        return;
      case STATUS.pendingCreation:
        item.status = STATUS.provisioning;
        item.nextAt = at + tick;
        return;
      case STATUS.provisioning: {
        item.status = STATUS.completed;
        item.nextAt = null;
        this.#createServer(order, item);
        return;
      }
      case STATUS.cancelScheduled: {
        item.status = STATUS.cancelled;
        item.nextAt = null;
        this.#removeServer(item);
        return;
      }
      default:
        item.nextAt = null;
    }
  }

  #createServer(order: Order, item: Item): void {
    const server = serverFromItem(this.state.counters, item, order.profileId);
    item.serverId = server.id;
    this.state.servers.push(server);
    this.servers.set(server.id, server);
    this.serverByItem.set(item.id, server);
    const o = item.spec.product.options;
    if (o.firewall_id !== undefined) {
      const group = this.firewallGroups.get(o.firewall_id);
      if (group) {
        group.serverIds.push(server.id);
        if (o.firewall_addme === "1") {
          for (const n of server.networks) {
            if (n.ipv4) group.addresses.push(n.ipv4);
            if (n.ipv6) group.addresses.push(n.ipv6);
          }
        }
      }
    }
    this.#invalidateServers(order.profileId, server.id);
  }

  #removeServer(item: Item): void {
    const server = item.serverId === null ? undefined : this.servers.get(item.serverId);
    if (!server) return;
    this.servers.delete(server.id);
    this.serverByItem.delete(item.id);
    const idx = this.state.servers.indexOf(server);
    if (idx !== -1) this.state.servers.splice(idx, 1);
    for (const g of this.state.firewallGroups) {
      const at = g.serverIds.indexOf(server.id);
      if (at !== -1) g.serverIds.splice(at, 1);
    }
    this.#invalidateServers(server.customer_id, server.id);
  }

  #schedule(ref: ItemRef, at: number | null): void {
    ref.item.nextAt = at;
    if (at === null) this.moving.delete(ref);
    else this.moving.add(ref);
  }

  /** Pay an open invoice: its order's waiting items move to 110 and on. */
  payInvoice(invoice: Invoice, at = this.now()): void {
    if (invoice.status !== "open") return;
    invoice.status = "paid";
    invoice.paidAt = at;
    invoice.autoPayAt = null;
    const order = this.orders.get(invoice.orderId);
    if (order) {
      for (const item of order.items) {
        if (item.status === STATUS.paymentRequired) {
          item.status = STATUS.processing;
          const ref = this.items.get(item.id);
          if (ref) this.#schedule(ref, at + this.options.tickMs);
        }
      }
    }
    this.markDirty();
  }

  /** Schedule cancellation; idempotent for items already 900/910. */
  cancelItem(ref: ItemRef): void {
    const { item, order } = ref;
    if (item.status === STATUS.cancelScheduled || item.status === STATUS.cancelled) return;
    const now = this.now();
    item.status = STATUS.cancelScheduled;
    item.periodEnd = now + this.options.periodMs;
    this.#schedule(ref, item.periodEnd);
    // An order cancelled before it was paid no longer needs paying.
    if (order.invoiceId !== null && order.items.every((i) => i.status >= 900)) {
      const inv = this.invoices.get(order.invoiceId);
      if (inv && inv.status === "open") {
        inv.status = "void";
        inv.autoPayAt = null;
      }
    }
    this.markDirty();
  }

  // ---------------------------------------------------------------------------------------------
  // Creating orders

  addOrder(order: Order): void {
    this.state.orders.push(order);
    this.orders.set(order.id, order);
    for (const item of order.items) {
      const ref = { order, item };
      this.items.set(item.id, ref);
      if (item.nextAt !== null) this.moving.add(ref);
    }
    this.markDirty();
  }

  addInvoice(invoice: Invoice): void {
    this.state.invoices.push(invoice);
    this.invoices.set(invoice.id, invoice);
    this.markDirty();
  }

  /** Hosts used by live items (not 910) of an anti-affinity group in a profile. */
  hostsOfGroup(profileId: number, group: number): Set<number> {
    const used = new Set<number>();
    for (const o of this.state.orders) {
      if (o.profileId !== profileId) continue;
      for (const it of o.items) {
        if (it.status !== STATUS.cancelled && it.spec.product.options.antiaffinity === group) used.add(it.hostId);
      }
    }
    return used;
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  /** The order's invoice as its status message names it (id and amount), if it has one. */
  private openInvoice(order: Order): { id: number; amountCents: number | null } | null {
    if (order.invoiceId === null) return null;
    return { id: order.invoiceId, amountCents: this.invoices.get(order.invoiceId)?.amountCents ?? null };
  }

  itemMessage(order: Order, item: Item): string {
    return statusMessage(item.status, this.openInvoice(order), item.periodEnd);
  }

  orderStatus(order: Order): number {
    return aggregateStatus(order.items.map((i) => i.status));
  }

  orderJson(order: Order, withListFields: boolean): Record<string, unknown> {
    const status = this.orderStatus(order);
    const periodEnd = order.items.reduce<number | null>((m, i) => (i.periodEnd !== null && (m === null || i.periodEnd > m) ? i.periodEnd : m), null);
    const base: Record<string, unknown> = {
      order_id: order.id,
      status,
      message: statusMessage(status, this.openInvoice(order), periodEnd),
      order_items: order.items.map((item) => ({
        id: item.id,
        status: item.status,
        name: item.spec.product.name,
        reference: item.name,
        message: this.itemMessage(order, item),
      })),
    };
    if (withListFields) {
      base.reference = order.reference;
      base.created = new Date(order.created).toISOString();
    }
    return base;
  }

  /**
   * The server_list answer for a set of visible profiles, as a ready Buffer. Each profile's servers
   * are serialized once and kept until one of them changes; the joined answer is kept per set.
   */
  serverListAnswer(profileIds: readonly number[]): Buffer {
    const key = profileIds.join(",");
    const cached = this.#serverListAnswers.get(key);
    if (cached) return cached;
    const parts: string[] = [];
    for (const id of profileIds) {
      const json = this.#profileServersJson(id);
      if (json !== "") parts.push(json);
    }
    const answer = Buffer.from(`{"servers":[${parts.join(",")}]}`, "utf8");
    this.#serverListAnswers.set(key, answer);
    return answer;
  }

  #profileServersJson(profileId: number): string {
    let json = this.#serverJsonByProfile.get(profileId);
    if (json === undefined) {
      const list: string[] = [];
      for (const s of this.servers.values()) {
        if (s.customer_id !== profileId) continue;
        let one = this.#serverJson.get(s.id);
        if (one === undefined) {
          one = JSON.stringify(s);
          this.#serverJson.set(s.id, one);
        }
        list.push(one);
      }
      json = list.join(",");
      this.#serverJsonByProfile.set(profileId, json);
    }
    return json;
  }

  /** Drop cached answers; with a server id, only that server's JSON is serialized again. */
  #invalidateServers(profileId?: number, serverId?: number): void {
    if (profileId === undefined) {
      this.#serverJsonByProfile.clear();
      this.#serverJson.clear();
    } else {
      this.#serverJsonByProfile.delete(profileId);
      if (serverId !== undefined) this.#serverJson.delete(serverId);
    }
    this.#serverListAnswers.clear();
  }

  /** Serialize every profile's servers now, so the first server_list is as fast as the next. */
  warmCaches(): void {
    for (const id of this.profiles.keys()) this.#profileServersJson(id);
  }

  /** For /__sim/state: what a test may want to look at, without credentials. */
  /** Each order's profile (by name), status and item statuses, for tests (`/__sim/state?orders=1`). */
  debugOrders(): { id: number; profile: string; status: number; items: { id: number; name: string; status: number }[] }[] {
    return this.state.orders.map((order) => ({
      id: order.id,
      profile: this.profiles.get(order.profileId)?.name ?? String(order.profileId),
      status: aggregateStatus(order.items.map((item) => item.status)),
      items: order.items.map((item) => ({ id: item.id, name: item.name, status: item.status })),
    }));
  }

  debugSnapshot(): Record<string, unknown> {
    return {
      now: new Date(this.now()).toISOString(),
      clockOffsetMs: this.state.clockOffsetMs,
      profiles: this.state.profiles.map((p) => ({ ...p, credit: formatEuros(p.creditCents) })),
      firewallGroups: this.state.firewallGroups,
      invoices: this.state.invoices,
      counters: this.state.counters,
      orders: this.state.orders.length,
      servers: this.state.servers.length,
      hosts: Object.fromEntries(
        [...this.items.values()]
          .filter((r) => r.item.status !== STATUS.cancelled)
          .map((r) => [r.item.id, r.item.hostId]),
      ),
    };
  }
}

/**
 * An order's status from its items: the lowest code still in progress (1xx, 2xx); otherwise 9xx
 * (the lowest) when every item is cancelled; otherwise 0 (all items completed, or completed
 * and cancelled ones mixed: nothing is left to do). Unknown codes count by their class.
 */
export function aggregateStatus(codes: readonly number[]): number {
  const inProgress = codes.filter((c) => c >= 100 && c < 900);
  if (inProgress.length > 0) return Math.min(...inProgress);
  if (codes.length > 0 && codes.every((c) => c >= 900)) return Math.min(...codes);
  return 0;
}

export function statusMessage(status: number, invoice: { id: number; amountCents: number | null } | null, periodEnd: number | null): string {
  switch (status) {
    case STATUS.paymentRequired:
      // The amount as order_create worded it, so the order page can show what is owed on every visit.
      if (invoice === null) return "Payment required";
      return `Payment required: invoice ${invoice.id} is open${invoice.amountCents !== null ? ` (${formatEuros(invoice.amountCents)})` : ""}`;
    case STATUS.processing:
      return "Payment received, order is being processed";
    case STATUS.pendingCreation:
      return "Order is being processed";
    case STATUS.provisioning:
      return "Server is being provisioned";
    case STATUS.completed:
      return "Completed";
    case STATUS.cancelScheduled:
      return periodEnd !== null
        ? `Cancellation scheduled for the end of the period (${new Date(periodEnd).toISOString()})`
        : "Cancellation scheduled for the end of the period";
    case STATUS.cancelled:
      return "Cancelled";
    default:
      return "Unknown status";
  }
}
