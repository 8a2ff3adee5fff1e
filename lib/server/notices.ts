import "server-only";
import type { KlikkClient } from "@/lib/klikk/client-types";
import { statusLabel } from "@/lib/klikk/status";
import type { Notice, NoticeReport } from "@/lib/notifications/notice";
import { itemNoticeKind, transitionKey, type NoticeKind } from "@/lib/notifications/transitions";
import { itemLabel } from "@/lib/orders/order-view";
import { primaryAddresses, sshCommand } from "@/lib/servers/addresses";
import { inAccountOf } from "@/lib/server/account-lists";
import { HttpError } from "@/lib/server/http";
import type { SessionData } from "@/lib/server/session";
import { getStore } from "@/lib/server/store";
import type { NoticeRecord } from "@/lib/server/store/types";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The bell keeps the newest 100 notices of an account for 30 days: a history, not an archive. */
export const NOTICE_LIMITS = { max: 100, retentionMs: 30 * DAY_MS };

const KINDS: readonly NoticeKind[] = ["ready", "payment", "cancelled", "failed"];

function toNotice(record: NoticeRecord): Notice {
  const data = record.data as Partial<Notice>;
  return {
    id: record.id,
    at: record.at,
    kind: (KINDS as readonly string[]).includes(record.kind) ? (record.kind as NoticeKind) : "failed",
    title: record.title,
    href: record.href,
    read: record.read,
    orderId: Number(data.orderId),
    ...(typeof data.itemId === "number" ? { itemId: data.itemId } : {}),
    ...(typeof data.serverId === "number" ? { serverId: data.serverId } : {}),
    ...(typeof data.address === "string" ? { address: data.address } : {}),
    ...(typeof data.ssh === "string" ? { ssh: data.ssh } : {}),
  };
}

type Composed = { kind: NoticeKind; key: string; title: string; href: string; data: Omit<Notice, "id" | "at" | "kind" | "title" | "href" | "read"> };

/**
 * Checks a reported transition against the upstream (the order must be this account's and in
 * that status now) and writes the notice's words from the upstream's answers.
 */
async function compose(client: KlikkClient, report: NoticeReport, signal: AbortSignal): Promise<Composed> {
  const order = await client.orderStatus(report.orderId, { signal });
  const orderHref = `/orders/${order.order_id}`;
  if (report.itemId === undefined) {
    if (order.status !== report.status || order.status !== 100) throw new HttpError(409, "conflict", `Order ${order.order_id} is not waiting for payment now.`);
    const key = transitionKey(report, order.reference ?? order.order_items.map(itemLabel).join(","));
    return { kind: "payment", key, title: `Order ${order.order_id} needs payment`, href: orderHref, data: { orderId: order.order_id } };
  }
  const item = order.order_items.find((i) => i.id === report.itemId);
  if (!item) throw new HttpError(404, "not_found", `Order ${order.order_id} has no item ${report.itemId}.`);
  const kind = itemNoticeKind(item.status);
  if (item.status !== report.status || kind === null) throw new HttpError(409, "conflict", `Item ${item.id} of order ${order.order_id} is not in that status now.`);
  const label = itemLabel(item);
  const key = transitionKey(report, label);
  const data = { orderId: order.order_id, itemId: item.id };
  if (kind === "cancelled") return { kind, key, title: `${label} is cancelled (order ${order.order_id})`, href: orderHref, data };
  if (kind === "failed") return { kind, key, title: `${label} failed: ${statusLabel(item.status)}`, href: orderHref, data };
  const [server] = await client.serverList(item.id, { signal });
  if (!server) return { kind, key, title: `${label} is ready`, href: orderHref, data };
  const addresses = primaryAddresses(server);
  const address = addresses.ipv4 || addresses.ipv6;
  const ssh = sshCommand(addresses);
  return {
    kind,
    key,
    title: address ? `${server.name} is ready: ${address}` : `${server.name} is ready`,
    href: `/servers/${server.id}`,
    data: { ...data, serverId: server.id, ...(address ? { address } : {}), ...(ssh ? { ssh } : {}) },
  };
}

/**
 * Records a transition a page saw, for the session's account the order belongs to (asked like
 * any order id: `hint` first; an order of no account of the session is a 404). `created` is
 * false when another tab reported it first.
 */
export async function reportTransition(session: SessionData, report: NoticeReport, hint: string | null, signal: AbortSignal): Promise<{ notice: Notice; created: boolean }> {
  const { account, value: composed } = await inAccountOf(session, hint, (_account, client) => compose(client, report, signal));
  const { notice, created } = await getStore().addNotice(
    { identity: account.identity, key: composed.key, at: Date.now(), kind: composed.kind, title: composed.title, href: composed.href, data: composed.data },
    NOTICE_LIMITS,
  );
  return { notice: withAccount(toNotice(notice), account.key), created };
}

/**
 * The notice as the browser knows it: its id names its account (`<key>.<id>`), since the store
 * numbers notices per account and the bell lists every account of the session together.
 */
function withAccount(notice: Notice, key: string): Notice {
  return { ...notice, id: `${key}.${notice.id}` };
}

/** The bell: the notices of every account of the session, newest first (the newest 100). */
export async function listNotices(session: SessionData): Promise<{ notices: Notice[]; unread: number }> {
  const lists = await Promise.all(session.accounts.map((account) => getStore().listNotices(account.identity, NOTICE_LIMITS)));
  const notices = lists
    .flatMap((records, index) => records.map((record) => withAccount(toNotice(record), session.accounts[index]!.key)))
    .sort((a, b) => b.at - a.at)
    .slice(0, NOTICE_LIMITS.max);
  return { notices, unread: notices.filter((n) => !n.read).length };
}

/** Marks notices read (`<key>.<id>` as listed), or every notice of every account without ids. */
export async function markNoticesRead(session: SessionData, ids?: readonly string[]): Promise<number> {
  const changed = await Promise.all(
    session.accounts.map((account) => {
      if (!ids) return getStore().markNoticesRead(account.identity);
      const own = ids.filter((id) => id.startsWith(`${account.key}.`)).map((id) => id.slice(account.key.length + 1));
      return own.length > 0 ? getStore().markNoticesRead(account.identity, own) : Promise.resolve(0);
    }),
  );
  return changed.reduce((sum, count) => sum + count, 0);
}
