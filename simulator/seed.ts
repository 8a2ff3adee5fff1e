/**
 * The seeds: "empty" (accounts, profiles and tokens only) and "demo" (plus orders in every status
 * class, servers, invoices and firewall groups). Ids are fixed and times are relative to the
 * moment of seeding, so tests can rely on them; simulator/README.md lists them.
 *
 * Seeded items never move by themselves (their `nextAt` is null): only what happens at run time
 * (a payment via /__sim/pay, a cancellation) sets a seeded item in motion.
 */
import { createHash } from "node:crypto";
import type { OrderItem as OrderItemSpec } from "../lib/klikk/contract/order-request.ts";
import { REALM, digestHa1 } from "./digest.ts";
import { itemPriceCents } from "./pricing.ts";
import { DISK_NAME, PRIVATE_SEGMENT, PUBLIC_SEGMENT, ipv4For, ipv6For, serverFromItem } from "./provision.ts";
import type { Account, Counters, FirewallGroup, Invoice, Item, Order, Server, State, Token } from "./state.ts";

export const DEMO_PASSWORD = "demo";

export const demoCredentials = [
  { kind: "user", name: "demo", secret: "demo", note: 'profiles "Demo AS" (ample credit) and "Demo Labs" (little credit), full rights' },
  { kind: "user", name: "demo-readonly", secret: "demo", note: 'read-only on "Demo AS"' },
  { kind: "user", name: "demo-2fa", secret: "demo", note: "2-factor account: Basic/Digest refused, use a token" },
  { kind: "token", name: "demo-token", secret: "demo-token", note: '"Demo AS", from 127.0.0.0/8 and ::1' },
  { kind: "token", name: "demo-token-remote", secret: "demo-token-remote", note: '"Demo AS", only from 203.0.113.0/24' },
  { kind: "token", name: "demo-token-labs", secret: "demo-token-labs", note: '"Demo Labs", from 127.0.0.0/8 and ::1' },
] as const;

export const DEMO_AS = 310;
export const DEMO_LABS = 311;
export const HOST_COUNT = 4;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function tokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

function account(id: number, username: string, password: string, twoFactor: boolean, memberships: Account["memberships"]): Account {
  return {
    id,
    username,
    ha1Md5: digestHa1("MD5", username, REALM, password),
    ha1Sha256: digestHa1("SHA-256", username, REALM, password),
    twoFactor,
    memberships,
  };
}

function token(id: number, label: string, secret: string, accountId: number, profileId: number, allow: string[]): Token {
  return { id, sha256: tokenHash(secret), label, accountId, profileId, allow };
}

function baseState(now: number): State {
  return {
    version: 1,
    seed: "empty",
    clockOffsetMs: 0,
    seededAt: now,
    counters: { order: 100, item: 1100, server: 4500, network: 9100, storage: 600, invoice: 5521 },
    hostCount: HOST_COUNT,
    accounts: [
      account(1, "demo", DEMO_PASSWORD, false, [
        { profileId: DEMO_AS, readOnly: false },
        { profileId: DEMO_LABS, readOnly: false },
      ]),
      account(2, "demo-readonly", DEMO_PASSWORD, false, [{ profileId: DEMO_AS, readOnly: true }]),
      account(3, "demo-2fa", DEMO_PASSWORD, true, [{ profileId: DEMO_AS, readOnly: false }]),
    ],
    tokens: [
      token(1, "Demo AS, local", "demo-token", 1, DEMO_AS, ["127.0.0.0/8", "::1"]),
      token(2, "Demo AS, office network", "demo-token-remote", 1, DEMO_AS, ["203.0.113.0/24"]),
      token(3, "Demo Labs, local", "demo-token-labs", 1, DEMO_LABS, ["127.0.0.0/8", "::1"]),
    ],
    profiles: [
      { id: DEMO_AS, name: "Demo AS", creditCents: 10_000_000 },
      { id: DEMO_LABS, name: "Demo Labs", creditCents: 500 },
    ],
    firewallGroups: [],
    orders: [],
    invoices: [],
    servers: [],
  };
}

export function emptyState(now: number): State {
  return baseState(now);
}

type SpecOptions = {
  ram: number;
  cpu: number;
  disk: number;
  os?: string;
  version?: string;
  ipv4?: 0 | 1;
  antiaffinity?: number;
  firewallId?: number;
};

function spec(name: string, o: SpecOptions): OrderItemSpec {
  return {
    name,
    product: {
      name: "VPS",
      options: {
        quantity_ram_gb: o.ram,
        quantity_cpu: o.cpu,
        quantity_storage_gb: o.disk,
        os: o.os ?? "Debian",
        os_version: o.version ?? "12",
        ...(o.antiaffinity !== undefined ? { antiaffinity: o.antiaffinity } : {}),
        ...(o.firewallId !== undefined ? { firewall_id: o.firewallId } : {}),
        features: {
          ipv4: o.ipv4 ?? 1,
          sshd: { ip_allow: "198.51.100.0/24,2001:db8:ffff::/48", public_ports_allow: "80,443" },
        },
      },
    },
  };
}

type SeedItem = {
  id: number;
  name: string;
  o: SpecOptions;
  status: number;
  host: number;
  /** periodEnd offset from now, for 900 items */
  periodEndIn?: number;
  /** overrides for the server (networks/storages/running) */
  server?: (s: Server, c: Counters) => void;
};

type SeedOrder = { id: number; profileId: number; reference: string; createdAgo: number; invoiceId?: number; items: SeedItem[] };

const twoDisks = (sizes: number[]) => (s: Server, c: Counters) => {
  s.storages = sizes.map((gb, lun) => ({ id: c.storage++, lun, name: lun === 0 ? DISK_NAME : "HDD", size: gb * 1000 }));
};

const demoOrders: SeedOrder[] = [
  {
    id: 70, profileId: DEMO_AS, reference: "Web cluster", createdAgo: 30 * DAY,
    items: [
      { id: 1001, name: "web-1", o: { ram: 2, cpu: 2, disk: 40, antiaffinity: 7, firewallId: 12 }, status: 0, host: 1 },
      { id: 1002, name: "web-2", o: { ram: 2, cpu: 2, disk: 40, antiaffinity: 7, firewallId: 12 }, status: 0, host: 2 },
      { id: 1003, name: "web-3", o: { ram: 2, cpu: 2, disk: 40, antiaffinity: 7, firewallId: 12 }, status: 0, host: 3 },
    ],
  },
  {
    id: 71, profileId: DEMO_AS, reference: "Database", createdAgo: 25 * DAY,
    items: [
      { id: 1004, name: "db-1", o: { ram: 16, cpu: 4, disk: 200, antiaffinity: 8 }, status: 0, host: 1, server: twoDisks([200, 500]) },
      { id: 1005, name: "db-2", o: { ram: 16, cpu: 4, disk: 200, antiaffinity: 8 }, status: 0, host: 2, server: twoDisks([200, 500, 1000]) },
    ],
  },
  {
    id: 72, profileId: DEMO_AS, reference: "Monitoring", createdAgo: 20 * DAY,
    items: [{ id: 1006, name: "mon-1", o: { ram: 1, cpu: 1, disk: 20, ipv4: 0, os: "Ubuntu", version: "24.04" }, status: 0, host: 4 }],
  },
  {
    id: 73, profileId: DEMO_AS, reference: "Build farm", createdAgo: 15 * DAY,
    items: [
      { id: 1007, name: "build-1", o: { ram: 8, cpu: 8, disk: 100, os: "Fedora", version: "41" }, status: 0, host: 1 },
      { id: 1008, name: "build-2", o: { ram: 8, cpu: 8, disk: 100, os: "Fedora", version: "41" }, status: 0, host: 2, server: (s) => { s.is_running = 0; } },
      { id: 1009, name: "build-3", o: { ram: 8, cpu: 8, disk: 100, os: "Fedora", version: "41", ipv4: 0 }, status: 0, host: 3, server: (s) => { s.is_running = 0; } },
    ],
  },
  {
    id: 74, profileId: DEMO_AS, reference: "Edge router", createdAgo: 10 * DAY,
    items: [
      {
        id: 1010, name: "edge-1", o: { ram: 4, cpu: 2, disk: 20, os: "AlmaLinux", version: "9" }, status: 0, host: 4,
        server: (s, c) => {
          s.networks.push({ id: c.network++, ifindex: 1, name: PRIVATE_SEGMENT, ipv4: "10.10.0.1", ipv6: "fd00:10::1" });
        },
      },
    ],
  },
  {
    id: 75, profileId: DEMO_AS, reference: "Staging", createdAgo: 8 * DAY,
    items: [{ id: 1011, name: "staging-1", o: { ram: 4, cpu: 2, disk: 50, os: "Rocky Linux", version: "9" }, status: 0, host: 3, server: (s) => { s.is_running = 0; } }],
  },
  {
    id: 76, profileId: DEMO_AS, reference: "Old API", createdAgo: 40 * DAY,
    items: [{ id: 1012, name: "api-old-1", o: { ram: 2, cpu: 1, disk: 30, os: "Debian", version: "11" }, status: 900, host: 4, periodEndIn: 12 * DAY }],
  },
  {
    id: 77, profileId: DEMO_AS, reference: "Retired", createdAgo: 60 * DAY,
    items: [{ id: 1013, name: "legacy-1", o: { ram: 1, cpu: 1, disk: 20, os: "Debian", version: "11" }, status: 910, host: 1 }],
  },
  {
    id: 78, profileId: DEMO_AS, reference: "Awaiting payment", createdAgo: 1 * DAY, invoiceId: 5501,
    items: [{ id: 1014, name: "pay-1", o: { ram: 4, cpu: 2, disk: 80 }, status: 100, host: 2 }],
  },
  {
    id: 79, profileId: DEMO_AS, reference: "Payment received", createdAgo: 2 * HOUR,
    items: [{ id: 1015, name: "proc-1", o: { ram: 2, cpu: 1, disk: 25 }, status: 110, host: 3 }],
  },
  {
    id: 80, profileId: DEMO_AS, reference: "Pending creation", createdAgo: 1 * HOUR,
    items: [{ id: 1016, name: "queue-1", o: { ram: 2, cpu: 1, disk: 25, os: "Ubuntu", version: "22.04" }, status: 200, host: 4 }],
  },
  {
    id: 81, profileId: DEMO_AS, reference: "Provisioning", createdAgo: 30 * MINUTE,
    items: [{ id: 1017, name: "prov-1", o: { ram: 2, cpu: 1, disk: 25 }, status: 210, host: 1 }],
  },
  {
    id: 82, profileId: DEMO_AS, reference: "Mixed", createdAgo: 3 * HOUR,
    items: [
      { id: 1018, name: "mix-1", o: { ram: 1, cpu: 1, disk: 20 }, status: 0, host: 2 },
      { id: 1019, name: "mix-2", o: { ram: 1, cpu: 1, disk: 20 }, status: 210, host: 3 },
      { id: 1020, name: "mix-3", o: { ram: 1, cpu: 1, disk: 20 }, status: 910, host: 4 },
    ],
  },
  {
    id: 90, profileId: DEMO_LABS, reference: "Labs sandbox", createdAgo: 5 * DAY,
    items: [{ id: 1030, name: "lab-1", o: { ram: 0.5, cpu: 1, disk: 10, firewallId: 21 }, status: 0, host: 1 }],
  },
  {
    id: 91, profileId: DEMO_LABS, reference: "Labs experiment", createdAgo: 6 * HOUR, invoiceId: 5502,
    items: [{ id: 1031, name: "lab-2", o: { ram: 2, cpu: 2, disk: 40 }, status: 100, host: 2 }],
  },
];

/** Seeded server ids start here, in item order (4401 = web-1, ...). */
const SEED_SERVER_BASE = 4401;

export function demoState(now: number, generatedServers = 0): State {
  const state = baseState(now);
  state.seed = "demo";
  const seedCounters: Counters = { ...state.counters, server: SEED_SERVER_BASE, network: 9001, storage: 501 };

  state.firewallGroups = [
    { id: 12, profileId: DEMO_AS, name: "web", addresses: ["198.51.100.0/24"], serverIds: [] },
    { id: 13, profileId: DEMO_AS, name: "office", addresses: ["192.0.2.10", "2001:db8:ffff::/48"], serverIds: [] },
    { id: 21, profileId: DEMO_LABS, name: "labs-default", addresses: [], serverIds: [] },
  ] satisfies FirewallGroup[];

  for (const so of demoOrders) {
    const created = now - so.createdAgo;
    const items: Item[] = so.items.map((si) => {
      const s = spec(si.name, si.o);
      return {
        id: si.id,
        name: si.name,
        spec: s,
        priceCents: itemPriceCents(s),
        status: si.status,
        hostId: si.host,
        nextAt: null,
        periodEnd: si.periodEndIn !== undefined ? now + si.periodEndIn : null,
        serverId: null,
      };
    });
    const order: Order = { id: so.id, profileId: so.profileId, accountId: 1, reference: so.reference, created, invoiceId: so.invoiceId ?? null, items };
    state.orders.push(order);
    for (const [i, item] of items.entries()) {
      if (item.status !== 0 && item.status !== 900) continue;
      const server = serverFromItem(seedCounters, item, so.profileId);
      so.items[i]?.server?.(server, seedCounters);
      item.serverId = server.id;
      state.servers.push(server);
      const fw = item.spec.product.options.firewall_id;
      if (fw !== undefined) state.firewallGroups.find((g) => g.id === fw)?.serverIds.push(server.id);
    }
    if (so.invoiceId !== undefined) {
      const invoice: Invoice = {
        id: so.invoiceId,
        profileId: so.profileId,
        orderId: so.id,
        amountCents: items.reduce((sum, it) => sum + it.priceCents, 0),
        created,
        status: "open",
        paidAt: null,
        autoPayAt: null,
      };
      state.invoices.push(invoice);
    }
  }

  if (generatedServers > 0) addGeneratedServers(state, now, generatedServers);
  return state;
}

const GEN_SERVER_BASE = 100_001;
const GEN_NETWORK_BASE = 1_000_001;
const GEN_STORAGE_BASE = 2_000_001;

/**
 * N generated servers in "Demo AS" (gen-00001 ...) for large-account tests and benchmarks.
 * They stand for servers brought into the account outside the action API (a migration or the
 * portal), so they belong to no order item (`order_item_id` 0): an account's order list stays the
 * size of its orders, and an order never exceeds the contract's 20 items.
 * Names, ids and addresses are derived from the index, so the same N gives the same data.
 */
export function addGeneratedServers(state: State, _now: number, count: number): void {
  const servers: Server[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const name = `gen-${String(i + 1).padStart(5, "0")}`;
    const serverId = GEN_SERVER_BASE + i;
    const ipv6Only = i % 5 === 4;
    servers[i] = {
      id: serverId,
      name,
      cpu: 1 + (i % 4),
      memory: 1024 * (1 + (i % 8)),
      is_running: i % 7 === 6 ? 0 : 1,
      customer_id: DEMO_AS,
      order_item_id: 0,
      networks: [{ id: GEN_NETWORK_BASE + i, ifindex: 0, name: PUBLIC_SEGMENT, ipv4: ipv6Only ? "" : ipv4For(serverId), ipv6: ipv6For(serverId) }],
      storages: [{ id: GEN_STORAGE_BASE + i, lun: 0, name: DISK_NAME, size: 20_000 * (1 + (i % 3)) }],
    };
  }
  for (const s of servers) state.servers.push(s);
  // Run-time ids continue above everything generated.
  const c = state.counters;
  c.server = Math.max(c.server, GEN_SERVER_BASE + count);
  c.network = Math.max(c.network, GEN_NETWORK_BASE + count);
  c.storage = Math.max(c.storage, GEN_STORAGE_BASE + count);
}
